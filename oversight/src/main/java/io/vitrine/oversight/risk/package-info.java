/**
 * Risk control (issue #9): the park's named, configurable rules that flag a paid order before it is declared,
 * the held order's review (release to declaration or cancel with refund), and each member's compliance score.
 * Matching uses the orders' blind indexes only.
 */
package io.vitrine.oversight.risk;
