package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T07:30:15.734Z");
    private static final Map<String, String> IDS = DemoData.assets().stream()
            .collect(Collectors.toMap(DemoData.Asset::tag, a -> "id-" + a.tag()));

    private static JsonNode json(Object body) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(body));
    }

    @Test
    void theDemoSiteIdIsAFixedUuid() {
        assertThat(DemoData.SITE_ID).isEqualTo(UUID.fromString(DemoData.SITE_ID.toString()));
        assertThat(DemoData.SITE_ID.toString()).isEqualTo("0d5e4c1a-5173-4e00-9000-00000000de30");
    }

    @Test
    void aTopLevelAssetIsSentWithoutParent() throws Exception {
        JsonNode body = json(DemoData.assetRequest(DemoData.assets().get(0), null));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","tag":"A-100","name":"Utilities area",
                 "assetClass":"AREA","criticality":"B"}"""));
    }

    @Test
    void aChildAssetNamesItsParentsId() throws Exception {
        DemoData.Asset pump = DemoData.assets().stream().filter(a -> a.tag().equals("P-101")).findFirst().orElseThrow();

        JsonNode body = json(DemoData.assetRequest(pump, "3f2a0000-0000-4000-8000-000000000001"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","parentId":"3f2a0000-0000-4000-8000-000000000001",
                 "tag":"P-101","name":"Cooling water pump A","assetClass":"PUMP","criticality":"A"}"""));
    }

    @Test
    void theHierarchyIsAreaUnitEquipmentWithParentsFirst() {
        Set<String> seen = new HashSet<>();
        for (DemoData.Asset asset : DemoData.assets()) {
            if (asset.parentTag() != null) {
                assertThat(seen).as("parent of " + asset.tag()).contains(asset.parentTag());
            }
            seen.add(asset.tag());
        }
        assertThat(DemoData.assets()).extracting(DemoData.Asset::assetClass)
                .contains("AREA", "UNIT", "PUMP", "HEAT_EXCHANGER", "TANK");
        assertThat(seen).contains("P-101", "P-102", "E-201", "T-301");
        assertThat(DemoData.assets()).extracting(DemoData.Asset::criticality).isSubsetOf("A", "B", "C");
    }

    @Test
    void aWorkItemIsSentWithItsOwnerDueDateAndAssetIds() throws Exception {
        JsonNode body = json(DemoData.workRequest(DemoData.work().get(0), IDS, NOW));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","kind":"MAINTENANCE_CORRECTIVE",
                 "title":"P-101 mechanical seal leaking",
                 "description":"Drops on the baseplate at every start; replace the mechanical seal before it gets worse.",
                 "priority":"HIGH","ownerId":"bruno.tech","dueAt":"2026-11-21T07:30:15Z","assetIds":["id-P-101"]}"""));
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotSentAsNull() throws Exception {
        DemoData.Work withoutExtras = new DemoData.Work("OTHER", "t", null, "LOW", null, null, java.util.List.of());

        JsonNode body = json(DemoData.workRequest(withoutExtras, IDS, NOW));

        assertThat(body.fieldNames()).toIterable().containsExactly("siteId", "kind", "title", "priority");
    }

    @Test
    void theWorkCoversSeveralKindsAndPrioritiesOwnedByTheDemoUsers() throws Exception {
        assertThat(DemoData.work()).hasSizeBetween(5, 6);
        assertThat(DemoData.work()).extracting(DemoData.Work::kind).contains(
                "MAINTENANCE_CORRECTIVE", "ROUND", "CLEANING", "BATCH_CHECK", "PRODUCTION_FOLLOW_UP");
        assertThat(DemoData.work()).extracting(DemoData.Work::priority).isSubsetOf("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(DemoData.work()).extracting(DemoData.Work::ownerId).isSubsetOf(DemoData.USERS)
                .containsAll(DemoData.USERS);
        for (DemoData.Work work : DemoData.work()) {
            JsonNode body = json(DemoData.workRequest(work, IDS, NOW));
            assertThat(body.path("assetIds")).allSatisfy(id -> assertThat(IDS).containsValue(id.asText()));
            if (body.has("dueAt")) {
                assertThat(Instant.parse(body.get("dueAt").asText())).isAfter(NOW);
            }
        }
    }

    @Test
    void workOnAnAssetThatWasNotCreatedIsRefused() {
        assertThatThrownBy(() -> DemoData.workRequest(DemoData.work().get(0), Map.of(), NOW))
                .hasMessageContaining("P-101");
    }
}
