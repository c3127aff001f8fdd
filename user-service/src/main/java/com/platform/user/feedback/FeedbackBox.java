package com.platform.user.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.platform.starter.paging.PageQuery;

/** Feedback in PostgreSQL. */
@Repository
public class FeedbackBox {

    private final JdbcClient jdbc;

    FeedbackBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Feedback f) {
        jdbc.sql("""
                insert into feedback (id, user_id, kind, subject, body, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(f.id(), f.userId(), f.kind().name(), f.subject(), f.body(), f.status().name(),
                Timestamp.from(f.createdAt())).update();
    }

    void saveReply(Feedback f) {
        jdbc.sql("update feedback set status = ?, reply = ?, replied_by = ?, replied_at = ? where id = ?")
                .params(f.status().name(), f.reply(), f.repliedBy(), Timestamp.from(f.repliedAt()), f.id()).update();
    }

    Optional<Feedback> findForUpdate(UUID id) {
        return jdbc.sql("select * from feedback where id = ? for update").param(id).query(this::map).optional();
    }

    public List<Feedback> ofUser(UUID userId) {
        return jdbc.sql("select * from feedback where user_id = ? order by created_at desc").param(userId)
                .query(this::map).list();
    }

    List<Feedback> withStatus(Feedback.Status status, PageQuery page) {
        return jdbc.sql("select * from feedback where status = ? order by created_at, id limit ? offset ?")
                .params(status.name(), page.size(), page.offset()).query(this::map).list();
    }

    long countWithStatus(Feedback.Status status) {
        return jdbc.sql("select count(*) from feedback where status = ?").param(status.name()).query(Long.class)
                .single();
    }

    /** U7: a closed account's texts are erased; the fact that feedback existed and its replies stay. */
    public void eraseForUser(UUID userId) {
        jdbc.sql("update feedback set subject = '[erased]', body = '[erased]' where user_id = ?").param(userId)
                .update();
    }

    private Feedback map(ResultSet rs, int row) throws SQLException {
        Timestamp repliedAt = rs.getTimestamp("replied_at");
        return new Feedback(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Feedback.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("body"),
                Feedback.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("reply"), rs.getString("replied_by"), repliedAt == null ? null : repliedAt.toInstant());
    }
}
