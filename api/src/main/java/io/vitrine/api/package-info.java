/** The deployable application: HTTP controllers, security, configuration and the main class. */
package io.vitrine.api;
