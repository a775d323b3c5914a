package io.heed.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void eachNamedParameterBecomesAPositionInOrder() {
        NamedSql sql = NamedSql.of("select * from recipient where campaign_id = :campaign and region = any(:regions)"
                + " and (:department::text is null or department = :department)");
        assertEquals(
                "select * from recipient where campaign_id = ? and region = any(?)"
                        + " and (?::text is null or department = ?)",
                sql.jdbc());
        assertEquals(List.of("campaign", "regions", "department", "department"), sql.positions());
    }

    @Test
    void castsLiteralsIdentifiersCommentsAndDollarBodiesAreLeftAlone() {
        NamedSql sql = NamedSql.of("""
                -- a comment with :notAParameter
                select ':literal', 'it''s :x', "col:umn", now()::date, /* :block */ $$ :body $$, $tag$ :t $tag$,
                       arr[1:2], :real
                """);
        assertEquals(List.of("real"), sql.positions());
        assertEquals(true, sql.jdbc().contains("':literal', 'it''s :x', \"col:umn\", now()::date"));
        assertEquals(true, sql.jdbc().contains("$$ :body $$, $tag$ :t $tag$"));
        assertEquals(true, sql.jdbc().contains("arr[1:2], ?"));
    }

    @Test
    void aPositionalParameterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NamedSql.of("select * from employee where id = ?"));
    }

    @Test
    void statementsLoadFromTheOwningPackage() {
        NamedSql sql = NamedSql.load(NamedSqlTest.class, "named-sql-test.sql");
        assertEquals(List.of("id", "id"), sql.positions());
    }
}
