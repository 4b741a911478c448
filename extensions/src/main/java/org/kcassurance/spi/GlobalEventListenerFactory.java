package org.kcassurance.spi;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;

/** Our event listeners run in every realm; each acts only where its own note or attribute says so. */
public interface GlobalEventListenerFactory extends EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    @Override
    default boolean isGlobal() {
        return true;
    }
}
