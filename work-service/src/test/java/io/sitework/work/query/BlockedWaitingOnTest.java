package io.sitework.work.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.web.Paging;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.Assignee.AssigneeType;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Waiting on me" on the blocked board, run on the in-process MongoDB the tests and the embedded default use
 * (mongo-java-server): for every combination of owner, assignees, contractor, blocker type, reference and
 * raiser, the server's filter keeps exactly the rows the definition keeps — the owner, a PERSON assignee, or
 * the row's {@code onWhom} being that person — paged oldest first, with the right total.
 */
class BlockedWaitingOnTest {

    private static final String SITE = "s-1";
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private static MongoServer server;
    private static MongoClient client;
    private static WorkQueries queries;
    private static final List<WorkDocument> documents = new ArrayList<>();

    @BeforeAll
    static void fill() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "blocked_waiting_on");
        Clock clock = Clock.systemUTC();
        queries = new WorkQueries(mongo, clock, new ReadModelCollections(mongo, clock));

        List<String> owners = Arrays.asList("me", "other", null);
        List<List<Assignee>> assigneeSets = List.of(
                List.of(),
                List.of(new Assignee(AssigneeType.PERSON, "me")),
                List.of(new Assignee(AssigneeType.TEAM, "me")),
                List.of(new Assignee(AssigneeType.CONTRACTOR, "me"), new Assignee(AssigneeType.PERSON, "other")));
        List<String> contractors = Arrays.asList(null, "k-1");
        List<String> raisers = List.of("me", "other", "system:permits");
        long second = 0;
        int n = 0;
        for (String owner : owners) {
            for (List<Assignee> assignees : assigneeSets) {
                for (String contractor : contractors) {
                    WorkDocument work = new WorkDocument();
                    work.id = "w-" + (n++);
                    work.siteId = SITE;
                    work.kind = WorkKind.OTHER;
                    work.title = work.id;
                    work.status = WorkStatus.PLANNED;
                    work.ownerId = owner;
                    work.assignees = new ArrayList<>(assignees);
                    work.assigneeIds = new ArrayList<>(assignees.stream().map(Assignee::id).distinct().toList());
                    work.contractorId = contractor;
                    work.blocked = true;
                    for (BlockerType type : BlockerType.values()) {
                        for (String reference : Arrays.asList(null, "ref")) {
                            for (String raiser : raisers) {
                                work.blockers.add(blocker(work.blockers.size(), type, reference, raiser, T0.plusSeconds(second++), null));
                                if (!work.openBlockerTypes.contains(type)) {
                                    work.openBlockerTypes.add(type);
                                }
                            }
                        }
                    }
                    // resolved: never a row
                    work.blockers.add(blocker(work.blockers.size(), BlockerType.PARTS, null, "me", T0.plusSeconds(second++), T0));
                    documents.add(work);
                    mongo.insert(work, "work");
                }
            }
        }
        // ended work: never a row
        WorkDocument cancelled = new WorkDocument();
        cancelled.id = "w-cancelled";
        cancelled.siteId = SITE;
        cancelled.status = WorkStatus.CANCELLED;
        cancelled.ownerId = "me";
        cancelled.blocked = true;
        cancelled.blockers.add(blocker(0, BlockerType.PARTS, null, "me", T0, null));
        mongo.insert(cancelled, "work");
    }

    private static WorkDocument.Blocker blocker(int index, BlockerType type, String reference, String raisedBy, Instant at, Instant resolvedAt) {
        WorkDocument.Blocker b = new WorkDocument.Blocker();
        b.id = "b-" + index;
        b.type = type;
        b.reason = type + " " + reference + " " + raisedBy;
        b.reference = reference;
        b.raisedBy = raisedBy;
        b.raisedAt = at;
        b.resolvedAt = resolvedAt;
        return b;
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /** The definition, as the portal had it: the row's onWhom is that person, or they own the work, or are a PERSON assignee. */
    private static boolean waitingOn(WorkDocument work, WorkDocument.Blocker b, String user) {
        BlockedWork.OnWhom onWhom = BlockedWork.OnWhom.of(b.type, b.reference, work.ownerId, work.contractorId, b.raisedBy);
        if (onWhom != null && onWhom.type() == BlockedWork.OnWhom.Kind.PERSON && onWhom.id().equals(user)) {
            return true;
        }
        return user.equals(work.ownerId) || work.assignees.stream().anyMatch(a -> a.type() == AssigneeType.PERSON && a.id().equals(user));
    }

    private static List<String> expected(String user, Set<BlockerType> types) {
        record Row(Instant at, String key) {
        }
        List<Row> all = new ArrayList<>();
        for (WorkDocument work : documents) {
            for (WorkDocument.Blocker b : work.blockers) {
                if (b.resolvedAt == null && (types.isEmpty() || types.contains(b.type)) && (user == null || waitingOn(work, b, user))) {
                    all.add(new Row(b.raisedAt, work.id + "/" + b.id));
                }
            }
        }
        return all.stream().sorted((x, y) -> x.at().compareTo(y.at())).map(Row::key).toList();
    }

    /** Every row of the board for {@code user}, read page by page; checks each page's total. */
    private static List<String> read(String user, Set<BlockerType> types, int size) {
        List<String> keys = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * size < total; page++) {
            Paging.Page<BlockedWork> answer = queries.blocked(Set.of(SITE), types, user, page, size);
            if (total >= 0) {
                assertThat(answer.total()).as("the same total on every page").isEqualTo(total);
            }
            total = answer.total();
            assertThat(answer.items()).hasSizeLessThanOrEqualTo(size);
            answer.items().forEach(row -> keys.add(row.workId() + "/" + row.blocker().id()));
        }
        assertThat(keys).as("total").hasSize((int) Math.max(total, 0));
        return keys;
    }

    @Test
    void keepsExactlyTheRowsWaitingOnThePersonOldestFirstPagedWithTheirTotal() {
        List<String> mine = expected("me", Set.of());
        assertThat(mine).as("the combinations cover rows on and off the person").isNotEmpty().hasSizeLessThan(expected(null, Set.of()).size());
        assertThat(read("me", Set.of(), 200)).containsExactlyElementsOf(mine);
        assertThat(read("other", Set.of(), 200)).containsExactlyElementsOf(expected("other", Set.of()));
    }

    @Test
    void combinesWithTheBlockerTypes() {
        Set<BlockerType> types = Set.of(BlockerType.CONTRACTOR, BlockerType.OTHER_WORK);
        assertThat(read("me", types, 50)).containsExactlyElementsOf(expected("me", types));
    }

    @Test
    void aSystemActorIsNeverWaitedOnAsTheRaiserOfABlocker() {
        assertThat(read("system:permits", Set.of(), 200)).isEmpty();
        assertThat(expected("system:permits", Set.of())).isEmpty();
    }

    @Test
    void withoutAPersonEveryOpenRowIsKept() {
        assertThat(read(null, Set.of(), 200)).containsExactlyElementsOf(expected(null, Set.of()));
    }

    @Test
    void nobodyMatchesAStranger() {
        assertThat(queries.blocked(Set.of(SITE), Set.of(), "stranger", 0, 50).total()).isZero();
        assertThat(queries.blocked(Set.of(), Set.of(), "me", 0, 50).total()).as("no sites").isZero();
    }
}
