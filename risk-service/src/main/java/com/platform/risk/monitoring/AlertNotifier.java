package com.platform.risk.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * R5: mails each raised, escalated and resolved alert to the risk mailbox over SMTP, outside any database
 * transaction. What was mailed is recorded per alert ({@code notified_level}, {@code notified_status}), so a mail
 * that failed is sent on the next run, and an alert is mailed once per change (two instances may both send in a
 * race; a duplicate mail is the accepted cost of never losing one).
 */
@Component
class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final Alerts alerts;
    private final JavaMailSender mail;
    private final AlertPolicy policy;

    AlertNotifier(Alerts alerts, JavaMailSender mail, AlertPolicy policy) {
        this.alerts = alerts;
        this.mail = mail;
        this.policy = policy;
    }

    void sendPending() {
        for (Alert alert : alerts.unnotified()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(policy.mailFrom());
            message.setTo(policy.mailbox());
            String what = alert.status() == Alert.Status.RESOLVED ? "resolved"
                    : alert.escalatedAt() != null ? "escalated to " + alert.level() : "raised";
            message.setSubject("[" + alert.level() + "] " + alert.metric() + " " + alert.scope() + " alert " + what);
            message.setText("Alert " + alert.id() + " (" + what + ")\n"
                    + "Indicator: " + alert.indicatorId() + "\n"
                    + "Metric: " + alert.metric() + " for " + alert.scope() + "\n"
                    + "Value: " + alert.value().toPlainString() + ", threshold " + alert.threshold().toPlainString()
                    + "\n" + "Status: " + alert.status() + "\n"
                    + "Acknowledge: POST /api/v1/risk/alerts/" + alert.id() + "/acknowledgement\n");
            try {
                mail.send(message);
                alerts.notified(alert);
            }
            catch (MailException e) {
                log.warn("Alert mail for {} failed; retried on the next run: {}", alert.id(), e.getClass().getName());
                return;
            }
        }
    }
}
