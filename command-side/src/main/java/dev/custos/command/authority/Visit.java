package dev.custos.command.authority;

/** Where an access came from, for the access log. Never holds a token, passcode or signed URL. */
public record Visit(String ip, String userAgent, String path) {}
