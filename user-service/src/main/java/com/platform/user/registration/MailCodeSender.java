package com.platform.user.registration;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** U1: codes by e-mail over SMTP (GreenMail locally). */
@Component
class MailCodeSender implements CodeSender {

    private final JavaMailSender mail;
    private final RegistrationProperties properties;

    MailCodeSender(JavaMailSender mail, RegistrationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String contact, String code) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(contact);
        message.setSubject("Your verification code");
        message.setText(CodeMessages.text(code));
        try {
            mail.send(message);
        }
        catch (MailException e) {
            throw new CodeDeliveryException(channel(), e);
        }
    }
}
