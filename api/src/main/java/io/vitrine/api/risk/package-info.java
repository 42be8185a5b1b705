/** Risk control over HTTP (issue #9): the review queue, the resolve action, the park's rules, compliance scores. */
package io.vitrine.api.risk;
