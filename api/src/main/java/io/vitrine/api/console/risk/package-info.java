/** The park console's risk review queue, rules and compliance scores (issue #9 "Risk control"). */
package io.vitrine.api.console.risk;
