package com.platform.user.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.platform.starter.paging.PageQuery;

/** Access-review campaigns and their items in PostgreSQL. */
@Repository
class AccessReviews {

    private final JdbcClient jdbc;

    AccessReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccessReview review) {
        jdbc.sql("insert into access_review (id, started_by, started_at, due_at) values (?, ?, ?, ?)")
                .params(review.id(), review.startedBy(), Timestamp.from(review.startedAt()),
                        Timestamp.from(review.dueAt()))
                .update();
        for (AccessReview.Item item : review.items()) {
            jdbc.sql("""
                    insert into access_review_item (id, review_id, user_id, username, role) values (?, ?, ?, ?, ?)
                    """).params(item.id(), review.id(), item.userId(), item.username(), item.role()).update();
        }
    }

    void saveDecision(UUID reviewId, AccessReview.Item item) {
        jdbc.sql("""
                update access_review_item set decision = ?, reason = ?, decided_by = ?, decided_at = ?
                 where id = ? and review_id = ?
                """).params(item.decision().name(), item.reason(), item.decidedBy(), Timestamp.from(item.decidedAt()),
                item.id(), reviewId).update();
    }

    void complete(UUID reviewId, Instant now) {
        jdbc.sql("update access_review set completed_at = ? where id = ?").params(Timestamp.from(now), reviewId)
                .update();
    }

    Optional<AccessReview> find(UUID id) {
        return jdbc.sql("select * from access_review where id = ?").param(id).query(this::map).optional();
    }

    Optional<AccessReview> findForUpdate(UUID id) {
        return jdbc.sql("select * from access_review where id = ? for update").param(id).query(this::map).optional();
    }

    List<AccessReview> page(PageQuery page) {
        return jdbc.sql("select * from access_review order by started_at desc, id limit ? offset ?")
                .params(page.size(), page.offset()).query(this::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from access_review").query(Long.class).single();
    }

    private AccessReview map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new AccessReview(id, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("completed_at")), items(id));
    }

    private List<AccessReview.Item> items(UUID reviewId) {
        return jdbc.sql("select * from access_review_item where review_id = ? order by role, username, id")
                .param(reviewId)
                .query((rs, i) -> new AccessReview.Item(rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("role"),
                        rs.getString("decision") == null ? null
                                : AccessReview.Decision.valueOf(rs.getString("decision")),
                        rs.getString("reason"), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
