package io.sitework.gateway.devlogin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the body of {@code POST /auth/dev/token}:
 * {@code {subject, name?, sites?: {"<siteId>": ["PLANNER", …]}, orgAdmin?}}. Every problem is reported with
 * the field it is about; unknown fields are refused. When neither {@code sites} nor {@code orgAdmin} is given
 * and the subject is a demo user, the token carries the demo user's roles.
 */
final class DevTokenRequest {

    static final Set<String> FIELDS = Set.of("subject", "name", "sites", "orgAdmin");
    static final int MAX_NAME = 200;

    record FieldError(String field, String message) {
    }

    /** Either a grant or the reasons there is none. */
    record Result(DevTokenIssuer.Grant grant, String detail, List<FieldError> errors) {

        boolean valid() {
            return grant != null;
        }
    }

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DevTokenRequest() {
    }

    static Result parse(String body, DevLoginProperties properties) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid("The request body is not valid JSON.", List.of());
        }
        if (root == null || !root.isObject()) {
            return invalid("The request body must be a JSON object with at least a subject.",
                    List.of(new FieldError("subject", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }

        String subject = null;
        JsonNode subjectNode = root.get("subject");
        if (subjectNode == null || subjectNode.isNull()) {
            errors.add(new FieldError("subject", "is required"));
        } else if (!subjectNode.isTextual() || !DevLoginProperties.SUBJECT.matcher(subjectNode.asText()).matches()) {
            errors.add(new FieldError("subject", "must be 1 to 100 characters of letters, digits and . _ @ -"));
        } else {
            subject = subjectNode.asText();
        }

        String name = null;
        JsonNode nameNode = root.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual() || nameNode.asText().isBlank() || nameNode.asText().length() > MAX_NAME) {
                errors.add(new FieldError("name", "must be a non-blank string of at most " + MAX_NAME + " characters"));
            } else {
                name = nameNode.asText();
            }
        }

        Map<String, List<SiteRole>> sites = null;
        JsonNode sitesNode = root.get("sites");
        if (sitesNode != null && !sitesNode.isNull()) {
            sites = sites(sitesNode, errors);
        }

        Boolean orgAdmin = null;
        JsonNode orgAdminNode = root.get("orgAdmin");
        if (orgAdminNode != null && !orgAdminNode.isNull()) {
            if (!orgAdminNode.isBoolean()) {
                errors.add(new FieldError("orgAdmin", "must be true or false"));
            } else {
                orgAdmin = orgAdminNode.asBoolean();
            }
        }

        if (!errors.isEmpty()) {
            return invalid(summary(errors), errors);
        }
        if (sites == null && orgAdmin == null) {
            var demo = properties.demoUser(subject);
            if (demo.isPresent()) {
                return new Result(new DevTokenIssuer.Grant(subject, name != null ? name : demo.get().name(),
                        demo.get().sites(), demo.get().orgAdmin()), null, List.of());
            }
        }
        return new Result(new DevTokenIssuer.Grant(subject, name, sites == null ? Map.of() : sites,
                Boolean.TRUE.equals(orgAdmin)), null, List.of());
    }

    private static Map<String, List<SiteRole>> sites(JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError("sites", "must be an object from site id to a list of roles"));
            return null;
        }
        Map<String, List<SiteRole>> sites = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String site = entry.getKey();
            String field = "sites." + site;
            if (!DevLoginProperties.UUID_FORM.matcher(site).matches()) {
                errors.add(new FieldError(field, "site ids must be UUIDs"));
                continue;
            }
            JsonNode rolesNode = entry.getValue();
            if (!rolesNode.isArray() || rolesNode.isEmpty()) {
                errors.add(new FieldError(field, "must be a non-empty list of roles"));
                continue;
            }
            Set<SiteRole> roles = new LinkedHashSet<>();
            for (int i = 0; i < rolesNode.size(); i++) {
                JsonNode role = rolesNode.get(i);
                SiteRole known = role.isTextual() ? role(role.asText()) : null;
                if (known == null) {
                    errors.add(new FieldError(field + "[" + i + "]", "must be one of " + List.of(SiteRole.values())));
                } else {
                    roles.add(known);
                }
            }
            String key = site.toLowerCase(Locale.ROOT);
            if (sites.containsKey(key)) {
                errors.add(new FieldError(field, "names a site already given"));
            }
            sites.put(key, List.copyOf(roles));
        }
        return sites;
    }

    private static SiteRole role(String name) {
        for (SiteRole role : SiteRole.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private static Result invalid(String detail, List<FieldError> errors) {
        return new Result(null, detail, errors);
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(error.field()).append(' ').append(error.message());
        }
        return detail.toString();
    }
}
