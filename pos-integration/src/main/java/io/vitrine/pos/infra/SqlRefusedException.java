package io.vitrine.pos.infra;

import java.sql.SQLException;

/** A statement the database refused, with its SQLState: 23… a unique key, 40… a deadlock or serialization failure. */
public class SqlRefusedException extends RuntimeException {

    private final String sqlState;

    SqlRefusedException(String sql, SQLException cause) {
        super("POS SQL refused (" + cause.getSQLState() + "): " + sql, cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    /** Another writer got there first (a unique key) or the database chose this transaction to roll back. */
    public boolean lostRace() {
        return sqlState.startsWith("23") || sqlState.startsWith("40");
    }
}
