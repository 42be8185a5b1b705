package io.vitrine.customs.declaration;

class H2SentMessagesTest extends SentMessagesSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
