package io.vitrine.customs.declaration;

class MariaDbSentMessagesTest extends SentMessagesSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
