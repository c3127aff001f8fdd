package com.platform.user.directory;

/** The username already exists in Keycloak (for instance a staff login with that e-mail address). */
public class DirectoryConflictException extends RuntimeException {

    public DirectoryConflictException() {
        super("username taken in the directory");
    }
}
