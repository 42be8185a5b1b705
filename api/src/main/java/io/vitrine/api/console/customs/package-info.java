/**
 * The declaration pages (issue #6 "Console"), shared by the retailer console (RETAILER_ADMIN, its own tenant) and the
 * park console (PARK_ADMIN, CUSTOMS_OFFICER: every member of the park): monitor, list, one declaration's timeline.
 */
package io.vitrine.api.console.customs;
