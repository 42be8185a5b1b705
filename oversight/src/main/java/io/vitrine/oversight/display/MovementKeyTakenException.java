package io.vitrine.oversight.display;

/** Another request recorded a movement under the same client key first: ask again, it is a replay or a reuse. */
public class MovementKeyTakenException extends RuntimeException {

    public MovementKeyTakenException(String movementKey, Throwable cause) {
        super("movement key taken meanwhile: " + movementKey, cause);
    }
}
