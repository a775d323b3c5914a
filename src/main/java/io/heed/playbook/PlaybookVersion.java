package io.heed.playbook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a playbook: its definition and its templates, as JSON. */
@Entity
public class PlaybookVersion extends PanacheEntityBase {

    public enum Origin {
        /** Read from the templates folder at start-up. */
        FILE,
        /** Created with POST /api/v1/playbooks. */
        API
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "playbook_key")
    public String key;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @JdbcTypeCode(SqlTypes.JSON)
    public String templates;

    public String contentHash;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    public Instant createdAt;
    public String createdBy;

    public static Optional<PlaybookVersion> latest(String key) {
        return find("key = ?1 order by version desc", key).firstResultOptional();
    }

    static Optional<PlaybookVersion> latestFromFolder(String key) {
        return find("key = ?1 and origin = ?2 order by version desc", key, Origin.FILE)
                .firstResultOptional();
    }

    static List<PlaybookVersion> history(String key) {
        return list("key = ?1 order by version desc", key);
    }

    /** The newest version of every playbook, by key. */
    static List<PlaybookVersion> latestOfEach() {
        return list("from PlaybookVersion p where p.version ="
                + " (select max(v.version) from PlaybookVersion v where v.key = p.key) order by p.key");
    }
}
