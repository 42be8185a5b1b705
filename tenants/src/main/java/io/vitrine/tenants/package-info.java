/**
 * Parks, retailers, stores, kiosks and other devices, staff and roles, onboarding, credentials.
 */
package io.vitrine.tenants;
