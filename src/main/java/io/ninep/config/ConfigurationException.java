package io.ninep.config;

/** Bad configuration, reported at startup with the property it concerns. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String property, String problem) {
        super("Invalid configuration: " + property + " " + problem);
    }
}
