package com.platform.partner.agreement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.partner.Contact;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.Partners;
import com.platform.starter.audit.AuditTrail;

/**
 * P4: expiry reminders. For each active version, the smallest configured lead time (60, 30, 7 days by default)
 * that the remaining days have reached is due; its row in {@code agreement_reminder} (primary key: version and
 * lead time) makes it happen once across instances, with its {@code agreement.expiring} event in the same
 * transaction. The e-mail to the partner's contacts goes out after commit, claimed with a lease, and is retried
 * until the SMTP server took it.
 */
@Component
public class ExpiryReminders {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

    /**
     * @param leadDays how many days before the end of the term a reminder goes out
     * @param mailFrom the sender address
     */
    @ConfigurationProperties("partner.reminders")
    public record Settings(@DefaultValue({"60", "30", "7"}) List<Integer> leadDays,
            @DefaultValue("no-reply@platform.local") String mailFrom) {
    }

    private final Agreements agreements;
    private final Partners partners;
    private final AgreementEvents events;
    private final JavaMailSender mail;
    private final Settings settings;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExpiryReminders(Agreements agreements, Partners partners, AgreementEvents events, JavaMailSender mail,
            Settings settings, JdbcTemplate jdbc, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.agreements = agreements;
        this.partners = partners;
        this.events = events;
        this.mail = mail;
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Records the reminders now due and mails every unsent one; returns how many reminders were recorded. */
    public int remindDue() {
        LocalDate today = LocalDate.now(clock);
        int longest = settings.leadDays().stream().mapToInt(Integer::intValue).max().orElse(0);
        int recorded = 0;
        for (AgreementVersion v : agreements.endingWithin(today, longest)) {
            int daysLeft = (int) ChronoUnit.DAYS.between(today, v.terms().endsOn());
            Integer lead = settings.leadDays().stream().filter(l -> daysLeft <= l).min(Integer::compare)
                    .orElse(null);
            if (lead == null) {
                continue;
            }
            Boolean inserted = transaction.execute(status -> {
                Instant now = clock.instant();
                int rows = jdbc.update("""
                        insert into agreement_reminder (agreement_id, version, lead_days, partner_id, days_left, ends_on,
                                                        created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", v.agreementId(), v.version(), lead,
                        v.partnerId(), daysLeft, v.terms().endsOn(), Timestamp.from(now));
                if (rows == 0) {
                    return false;
                }
                events.publish(AgreementEvents.EXPIRING, v, null, daysLeft, now);
                audit.recordAs("system:expiry-reminders", "agreement.expiry-reminder", "agreement",
                        v.agreementId().toString(), null, Map.of("version", v.version(), "leadDays", lead,
                                "daysLeft", daysLeft));
                return true;
            });
            if (Boolean.TRUE.equals(inserted)) {
                recorded++;
            }
        }
        mailUnsent();
        return recorded;
    }

    record Unsent(UUID agreementId, int version, int leadDays, UUID partnerId, int daysLeft, LocalDate endsOn) {
    }

    void mailUnsent() {
        Instant now = clock.instant();
        List<Unsent> claimed = transaction.execute(status -> jdbc.query("""
                update agreement_reminder set mail_claimed_until = ?
                where (agreement_id, version, lead_days) in (
                    select agreement_id, version, lead_days from agreement_reminder
                    where mail_sent_at is null and (mail_claimed_until is null or mail_claimed_until < ?)
                    limit 20 for update skip locked)
                returning agreement_id, version, lead_days, partner_id, days_left, ends_on""",
                (rs, i) -> new Unsent(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, UUID.class), rs.getInt(5), rs.getObject(6, LocalDate.class)),
                Timestamp.from(now.plusSeconds(60)), Timestamp.from(now)));
        for (Unsent reminder : claimed) {
            Partner partner = partners.get(reminder.partnerId());
            try {
                for (Contact contact : partner.contacts()) {
                    if (contact.email() == null) {
                        continue;
                    }
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(settings.mailFrom());
                    message.setTo(contact.email());
                    message.setSubject("Your cooperation agreement ends in " + reminder.daysLeft() + " days");
                    message.setText("Dear partner,\n\nthe cooperation agreement " + reminder.agreementId()
                            + " (version " + reminder.version() + ") of " + partner.companyName() + " ends on "
                            + reminder.endsOn() + ", in " + reminder.daysLeft() + " days.\n"
                            + "Please contact your platform operator about its renewal.\n");
                    mail.send(message);
                }
                jdbc.update("""
                        update agreement_reminder set mail_sent_at = ?
                        where agreement_id = ? and version = ? and lead_days = ?""", Timestamp.from(clock.instant()),
                        reminder.agreementId(), reminder.version(), reminder.leadDays());
            }
            catch (MailException e) {
                log.warn("Expiry reminder for agreement {} not mailed yet: {}", reminder.agreementId(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
