package io.sitework.work.query;

import io.sitework.work.api.BlockerType;
import io.sitework.work.query.BlockedWork.OnWhom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedWorkTest {

    @Test
    void otherWorkWaitsOnThePredecessorItNames() {
        assertThat(OnWhom.of(BlockerType.OTHER_WORK, "w-1", "oscar", "k-1", "tina"))
                .isEqualTo(new OnWhom(OnWhom.Kind.WORK, "w-1", null, null));
    }

    @Test
    void aContractorBlockerWaitsOnTheWorksContractor() {
        assertThat(OnWhom.of(BlockerType.CONTRACTOR, null, "oscar", "k-1", "tina")).isEqualTo(new OnWhom(OnWhom.Kind.CONTRACTOR, "k-1", null, null));
        assertThat(OnWhom.of(BlockerType.CONTRACTOR, null, "oscar", null, "tina")).as("no contractor known: the owner")
                .isEqualTo(new OnWhom(OnWhom.Kind.PERSON, "oscar", null, null));
    }

    @Test
    void anythingElseWaitsOnTheOwnerOrWhoeverRaisedIt() {
        for (BlockerType type : BlockerType.values()) {
            if (type == BlockerType.CONTRACTOR) {
                continue;
            }
            assertThat(OnWhom.of(type, null, "oscar", "k-1", "tina")).as(type.name()).isEqualTo(new OnWhom(OnWhom.Kind.PERSON, "oscar", null, null));
            assertThat(OnWhom.of(type, null, null, null, "tina")).as(type.name()).isEqualTo(new OnWhom(OnWhom.Kind.PERSON, "tina", null, null));
        }
        assertThat(OnWhom.of(BlockerType.PERMIT, "P-7", "oscar", null, "tina").id()).isEqualTo("oscar");
    }

    @Test
    void nobodyWhenNeitherOwnerNorAPersonIsKnown() {
        assertThat(OnWhom.of(BlockerType.PERMIT, null, null, null, "system:permits")).isNull();
        assertThat(OnWhom.of(BlockerType.OTHER, null, null, null, null)).isNull();
    }

    @Test
    void predecessorDetailsAreAddedWithoutChangingWhom() {
        OnWhom whom = OnWhom.of(BlockerType.OTHER_WORK, "w-1", null, null, null).withWork("Repair pump", io.sitework.work.api.WorkStatus.PLANNED);
        assertThat(whom).isEqualTo(new OnWhom(OnWhom.Kind.WORK, "w-1", "Repair pump", io.sitework.work.api.WorkStatus.PLANNED));
    }
}
