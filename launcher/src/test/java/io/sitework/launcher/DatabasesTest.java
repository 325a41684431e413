package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.sitework.launcher.Databases.State.FOREIGN;
import static io.sitework.launcher.Databases.State.MISSING;
import static io.sitework.launcher.Databases.State.OURS;
import static org.assertj.core.api.Assertions.assertThat;

class DatabasesTest {

    private static final String OWNER = "3f2a91c4-0000-4000-8000-000000000001";

    @Test
    void theUsualNamesAreUsedWhenTheyAreFreeOrOurs() {
        assertThat(Databases.suffixFor(Map.of("sitework_work", MISSING, "sitework_context", MISSING), OWNER)).isEmpty();
        assertThat(Databases.suffixFor(Map.of("sitework_work", OURS, "sitework_context", MISSING), OWNER)).isEmpty();
    }

    @Test
    void anotherDataDirectorysDatabaseMakesThisOneUseItsOwnSuffix() {
        assertThat(Databases.suffixFor(Map.of("sitework_work", FOREIGN, "sitework_context", MISSING), OWNER))
                .isEqualTo("_3f2a91c4");
    }

    @Test
    void theSuffixAppliesToEveryDatabaseSoEventStoresAndReadModelsStayPaired() {
        Databases.Names names = new Databases.Names("sitework_work", "sitework_context", "sitework_notification")
                .withSuffix("_3f2a91c4");

        assertThat(names).isEqualTo(new Databases.Names("sitework_work_3f2a91c4", "sitework_context_3f2a91c4",
                "sitework_notification_3f2a91c4"));
        assertThat(names.eventStores()).containsExactly("sitework_work_3f2a91c4", "sitework_context_3f2a91c4");
    }

    @Test
    void theClaimNamesTheDataDirectory() {
        assertThat(Databases.comment(OWNER)).isEqualTo("Sitework data directory " + OWNER);
    }
}
