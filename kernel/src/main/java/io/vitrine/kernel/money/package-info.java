/** {@link io.vitrine.kernel.money.Money}: CNY amounts in whole fen, with the platform's one rounding rule. */
package io.vitrine.kernel.money;
