/**
 * The staff consoles (issue #3 "Consoles"): server-rendered pages for platform admins, park admins and
 * retailers, in Chinese and English, over the same domain services as the API. Staff sign in on
 * {@code /console/login}; the staff JWT then lives in an HttpOnly, SameSite=Strict cookie that
 * micronaut-security reads like the bearer header, so the pages and their few {@code fetch()} calls to
 * {@code /api/v1/**} are signed in. {@link io.vitrine.api.console.CrossSiteRequestGuard} refuses
 * cookie-authenticated writes that come from another site; {@link io.vitrine.api.console.ConsoleErrorPages}
 * turns errors on console paths into pages (401 into the sign-in page, with the way back).
 */
package io.vitrine.api.console;
