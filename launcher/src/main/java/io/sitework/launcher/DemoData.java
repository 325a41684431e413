package io.sitework.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo site: a small cooling-water installation with its assets, a few people and the work they own.
 * Only the data and the request bodies it turns into; {@link DemoSeeder} sends them.
 */
final class DemoData {

    /** The demo site's id: fixed, so that a restart finds the site it seeded before. */
    static final UUID SITE_ID = UUID.fromString("0d5e4c1a-5173-4e00-9000-00000000de30");
    /** The second demo site, where only tom.south works: it shows that a user of one site never sees the other. */
    static final UUID SOUTH_SITE_ID = UUID.fromString("0d5e4c1a-5173-4e00-9000-00000000de31");

    /** A site of the organisation, registered with a fixed id (the dev login's demo users hold roles on these ids). */
    record Site(UUID id, String code, String name, String timeZone) {
    }

    static final List<Site> SITES = List.of(
            new Site(SITE_ID, "NORTH", "North plant — cooling water and utilities", "Europe/Paris"),
            new Site(SOUTH_SITE_ID, "SOUTH", "South plant — packaging", "Europe/Paris"));
    /** Registers the demo sites (ORG_ADMIN: setting up a site is organisation-wide). */
    static final String ORG_ADMIN = "olga.admin";

    static final String ANNA = "anna.planner";
    static final String BRUNO = "bruno.tech";
    static final String CARLA = "carla.supervisor";
    /** The owners of the demo work. */
    static final List<String> USERS = List.of(ANNA, BRUNO, CARLA);

    /** Requests the demo work (a PLANNER of the site; a demo user of the gateway's dev login). */
    static final String PLANNER = ANNA;
    /** The demo users' e-mail addresses are {@code <login>@sitework.demo}: they reach the embedded mail sink only. */
    static final String EMAIL_DOMAIN = "@sitework.demo";
    /** Registers the demo assets (SITE_ADMIN of the site). */
    static final String SITE_ADMIN = "sam.siteadmin";
    /** The demo users of the gateway's dev login (its application.yml), for the banner. */
    static final List<String> LOGINS = List.of("anna.planner", "bruno.tech", "carla.supervisor", "rita.requester",
            "paul.permits", "cora.contractor", "audrey.auditor", "sam.siteadmin", "tom.south", "olga.admin");

    /** An asset of the hierarchy; {@code parentTag} null for a top-level asset of the site. */
    record Asset(String tag, String parentTag, String name, String assetClass, String criticality) {
    }

    /** A work item; {@code ownerId} and {@code dueIn} may be null. */
    record Work(String kind, String title, String description, String priority, String ownerId, Duration dueIn,
                List<String> assetTags) {
    }

    private static final List<Asset> ASSETS = List.of(
            new Asset("A-100", null, "Utilities area", "AREA", "B"),
            new Asset("U-110", "A-100", "Cooling water unit", "UNIT", "A"),
            new Asset("P-101", "U-110", "Cooling water pump A", "PUMP", "A"),
            new Asset("P-102", "U-110", "Cooling water pump B (standby)", "PUMP", "B"),
            new Asset("E-201", "U-110", "Process cooler", "HEAT_EXCHANGER", "A"),
            new Asset("T-301", "U-110", "Cooling water buffer tank", "TANK", "C"));

    private static final List<Work> WORK = List.of(
            new Work("MAINTENANCE_CORRECTIVE", "P-101 mechanical seal leaking",
                    "Drops on the baseplate at every start; replace the mechanical seal before it gets worse.",
                    "HIGH", BRUNO, Duration.ofDays(1), List.of("P-101")),
            new Work("ROUND", "Daily utilities round",
                    "Check pump pressures, cooler temperatures and the buffer tank level; note readings.",
                    "MEDIUM", BRUNO, Duration.ofHours(8), List.of("P-101", "P-102", "E-201", "T-301")),
            new Work("CLEANING", "Clean the E-201 tube bundle",
                    "Fouling lowers the cooler's duty; clean during the next planned stop.",
                    "LOW", CARLA, Duration.ofDays(7), List.of("E-201")),
            new Work("BATCH_CHECK", "Check cooling water treatment batch CW-2611",
                    "Verify inhibitor dosing and conductivity of the new treatment batch.",
                    "MEDIUM", ANNA, Duration.ofDays(2), List.of("T-301")),
            new Work("PRODUCTION_FOLLOW_UP", "Follow up the cooler outlet temperature drift",
                    "Outlet temperature up 3 K over two weeks; trend it and decide on cleaning.",
                    "HIGH", CARLA, Duration.ofDays(3), List.of("E-201")),
            new Work("MAINTENANCE_CORRECTIVE", "P-102 high vibration on standby test",
                    null, "CRITICAL", ANNA, null, List.of("P-102")));

    private DemoData() {
    }

    /** Parents before their children. */
    static List<Asset> assets() {
        return ASSETS;
    }

    static List<Work> work() {
        return WORK;
    }

    /** The body of {@code POST /api/sites}. */
    static Map<String, Object> siteRequest(Site site) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", site.id().toString());
        body.put("code", site.code());
        body.put("name", site.name());
        body.put("timeZone", site.timeZone());
        return body;
    }

    /** The body of {@code POST /api/assets}; absent optional fields are left out, not sent as null. */
    static Map<String, Object> assetRequest(Asset asset, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", SITE_ID.toString());
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("tag", asset.tag());
        body.put("name", asset.name());
        body.put("assetClass", asset.assetClass());
        body.put("criticality", asset.criticality());
        return body;
    }

    /** The body of {@code POST /api/work}; due dates are relative to {@code now}, to the second. */
    static Map<String, Object> workRequest(Work work, Map<String, String> assetIdsByTag, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", SITE_ID.toString());
        body.put("kind", work.kind());
        body.put("title", work.title());
        if (work.description() != null) {
            body.put("description", work.description());
        }
        body.put("priority", work.priority());
        if (work.ownerId() != null) {
            body.put("ownerId", work.ownerId());
        }
        if (work.dueIn() != null) {
            body.put("dueAt", now.plus(work.dueIn()).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (!work.assetTags().isEmpty()) {
            body.put("assetIds", work.assetTags().stream().map(tag -> {
                String id = assetIdsByTag.get(tag);
                if (id == null) {
                    throw new IllegalArgumentException("no id for asset " + tag);
                }
                return id;
            }).toList());
        }
        return body;
    }
}
