package io.heed.delivery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Composes the message of a delivery check ({@link SendDeliveryCheck}): who asked, and its Message-ID. */
@ApplicationScoped
class DeliveryCheckComposer implements MessageComposer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkText(String requestedBy, String messageId);

        static native TemplateInstance checkHtml(String requestedBy, String messageId);
    }

    @Override
    public boolean handles(String kind) {
        return SendDeliveryCheck.KIND.equals(kind);
    }

    @Override
    public Optional<ComposedMail> compose(QueuedMessage message) {
        return Optional.of(new ComposedMail(
                null,
                "Heed delivery check",
                Templates.checkText(message.reference(), message.messageId()).render(),
                Templates.checkHtml(message.reference(), message.messageId()).render()));
    }
}
