package io.vitrine.api.customs;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * The HTTP receipt channel is open when the exchange channel is {@code http} ({@code vitrine.customs.exchange.channel})
 * or {@code vitrine.customs.receipts.http.enabled} is true; otherwise its routes do not exist (404).
 */
public final class HttpReceiptsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return false;
        }
        return "http".equalsIgnoreCase(properties.get("vitrine.customs.exchange.channel", String.class).orElse(""))
                || properties.get("vitrine.customs.receipts.http.enabled", Boolean.class).orElse(false);
    }
}
