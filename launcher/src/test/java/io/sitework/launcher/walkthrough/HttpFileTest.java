package io.sitework.launcher.walkthrough;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFileTest {

    private static final String FILE = """
            # A header comment, then file variables
            @base = http://localhost:8080
            @site   =   0d5e4c1a-5173-4e00-9000-00000000de30

            ### Anna logs in
            # Tells the story to a human reader.
            # @name login_anna
            # @expect 200
            # @expect-body $.token_type == Bearer
            POST {{base}}/auth/dev/token HTTP/1.1
            Content-Type: application/json

            {"subject": "anna.planner"}


            ### The board
            // @name = board
            # @no-log
            # @retry 20
            # @expect-body $.total >= 1
            # @expect-body $.items contains {{login_anna.response.body.$.id}}
            GET {{base}}/api/work
                ?siteId={{site}}
                &size=5
            Authorization: Bearer {{login_anna.response.body.$.access_token}}
            Accept: application/json

            ###
            # Its first comment is its title
            PUT {{base}}/api/work/1/checklist/remarks
            Content-Type: text/plain

            # not a comment: the body has begun
            second line

            ###
            {{base}}/actuator/health
            """;

    @Test
    void readsVariablesRequestsAndTheirParts() {
        HttpFile file = HttpFile.parse("walk.http", FILE);

        assertThat(file.variables()).containsEntry("base", "http://localhost:8080")
                .containsEntry("site", "0d5e4c1a-5173-4e00-9000-00000000de30").hasSize(2);
        assertThat(file.requests()).hasSize(4);

        HttpFile.Request login = file.requests().get(0);
        assertThat(login.number()).isEqualTo(1);
        assertThat(login.line()).isEqualTo(10);
        assertThat(login.title()).isEqualTo("Anna logs in");
        assertThat(login.name()).isEqualTo("login_anna");
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.url()).isEqualTo("{{base}}/auth/dev/token");
        assertThat(login.headers()).containsExactly(new HttpFile.Header("Content-Type", "application/json"));
        assertThat(login.body()).isEqualTo("{\"subject\": \"anna.planner\"}");
        assertThat(login.expectedStatus()).isEqualTo(200);
        assertThat(login.bodyExpectations()).extracting(BodyExpectation::source).containsExactly("$.token_type == Bearer");
        assertThat(login.retries()).isZero();
        assertThat(login.label()).isEqualTo("#1 \"Anna logs in\" (line 10)");
    }

    @Test
    void readsSlashCommentsEqualsNamesRetriesAndIndentedQueryLines() {
        HttpFile.Request board = HttpFile.parse(FILE).requests().get(1);

        assertThat(board.name()).isEqualTo("board");
        assertThat(board.retries()).isEqualTo(20);
        assertThat(board.expectedStatus()).isNull();
        assertThat(board.bodyExpectations()).hasSize(2);
        assertThat(board.url()).isEqualTo("{{base}}/api/work?siteId={{site}}&size=5");
        assertThat(board.headers()).extracting(HttpFile.Header::name).containsExactly("Authorization", "Accept");
        assertThat(board.body()).isNull();
    }

    @Test
    void theBodyRunsToTheNextSeparatorHashesIncluded() {
        HttpFile.Request put = HttpFile.parse(FILE).requests().get(2);

        assertThat(put.title()).isEqualTo("Its first comment is its title");
        assertThat(put.name()).isNull();
        assertThat(put.body()).isEqualTo("# not a comment: the body has begun\nsecond line");
    }

    @Test
    void aBareUrlIsAGetTitledByItself() {
        HttpFile.Request health = HttpFile.parse(FILE).requests().get(3);

        assertThat(health.method()).isEqualTo("GET");
        assertThat(health.url()).isEqualTo("{{base}}/actuator/health");
        assertThat(health.title()).isEqualTo("GET {{base}}/actuator/health");
    }

    @Test
    void variablesMayBeDefinedBetweenRequestsAndTheLastDefinitionWins() {
        HttpFile file = HttpFile.parse("""
                @a = 1
                ### one
                @b = 2
                GET http://x/one

                ###
                @a = 3
                """);

        assertThat(file.variables()).containsEntry("a", "3").containsEntry("b", "2");
        assertThat(file.requests()).hasSize(1);
    }

    @Test
    void windowsLineEndingsAreFine() {
        HttpFile file = HttpFile.parse("### t\r\n# @expect 204\r\nDELETE http://x/y\r\nA: b\r\n\r\n");

        assertThat(file.requests()).singleElement().satisfies(r -> {
            assertThat(r.expectedStatus()).isEqualTo(204);
            assertThat(r.headers()).containsExactly(new HttpFile.Header("A", "b"));
            assertThat(r.body()).isNull();
        });
    }

    @Test
    void mistakesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\nGET http://x\nnot a header\n"))
                .isInstanceOf(HttpFile.ParseException.class).hasMessageStartingWith("f.http line 3: expected a header");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @expect twohundred\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 2: @expect takes an HTTP status");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @expect-body $.x = 1\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 2: Expected '<$.path>");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @retry many\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 2: @retry takes");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @expect 200\n# @expect 201\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 3: @expect is given twice");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @name x y\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 2: a request name");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\nFETCH http://x\n"))
                .hasMessageStartingWith("f.http line 2: expected a request line");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "### a\n# @name lonely\n\n### b\nGET http://x\n"))
                .hasMessageStartingWith("f.http line 2: request directives without a request");
        assertThatThrownBy(() -> HttpFile.parse("f.http", "# @name a\nGET http://x\n\n###\n# @name a\nGET http://y\n"))
                .hasMessageStartingWith("f.http line 6: the name 'a' is used twice (first on line 2)");
    }

    @Test
    void otherToolsDirectivesAndPlainCommentsAreIgnored() {
        List<HttpFile.Request> requests = HttpFile.parse("""
                ###
                # @no-redirect
                # @prompt password
                # Some prose with an @ sign: mail anna@example.com
                GET http://x/
                """).requests();

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.name()).isNull();
            assertThat(r.title()).isEqualTo("Some prose with an @ sign: mail anna@example.com");
        });
    }
}
