package app.atrium.shared.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "Atrium API", version = "v1",
        description = "Backend for aesthetic, dermatology and dental clinics and their clients. "
                + "Conventions: success bodies are {\"data\": ...}; "
                + "errors are {\"error\": {code, message, details, requestId}}."))
@SecurityScheme(securitySchemeName = OpenApiContractFilter.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class OpenApiDefinition extends Application {
}
