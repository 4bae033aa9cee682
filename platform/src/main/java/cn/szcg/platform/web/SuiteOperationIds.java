package cn.szcg.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.info.License;

/**
 * Makes the stored OpenAPI documents client-ready where the annotations cannot (docs/api.md, issue
 * 22): the licence gets an identifier, and operationIds stay unique across the whole suite
 * (docs/api.md). Every service serves platform's audit trail (审计日志) under the same path, so the
 * same operation would carry the same id in five documents and collide in a client of several
 * services: at build time (the stored documents) the service's own word goes in after the verb,
 * {@code listAuditTrail} of intake-service becomes {@code listIntakeAuditTrail}. The service is
 * {@code quarkus.application.name} (the artifactId, "intake-service"), else the document's title.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SuiteOperationIds implements OASFilter {

  /** The operationIds platform declares for every service (AuditResource). */
  static final Set<String> SHARED = Set.of("listAuditTrail", "verifyAuditTrail");

  /**
   * SPDX's form for a licence that is not in its list: the repository declares no licence yet
   * (docs/api.md); OpenAPI 3.1 wants an identifier or a URL beside the name, and openapi-generator
   * refuses a document without one.
   */
  static final String LICENCE_IDENTIFIER = "LicenseRef-Proprietary";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getInfo() == null) {
      openAPI.setInfo(OASFactory.createInfo());
    }
    if (openAPI.getInfo().getLicense() == null) {
      openAPI.getInfo().setLicense(OASFactory.createLicense());
    }
    License licence = openAPI.getInfo().getLicense();
    if (licence.getUrl() == null && licence.getIdentifier() == null) {
      licence.setIdentifier(LICENCE_IDENTIFIER);
    }
    if (openAPI.getPaths() == null) {
      return;
    }
    // the application's name (the Maven artifactId, "intake-service"); the title as a fallback
    String title =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.name", String.class)
            .orElse(openAPI.getInfo() == null ? null : openAPI.getInfo().getTitle());
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(op -> op.setOperationId(qualify(op.getOperationId(), title))));
  }

  /**
   * {@code listAuditTrail} in "intake-service — …" → {@code listIntakeAuditTrail}; every other id,
   * or a title without a "-service" word, stays as it is.
   */
  static String qualify(String operationId, String title) {
    if (operationId == null || !SHARED.contains(operationId) || title == null) {
      return operationId;
    }
    int end = title.indexOf("-service");
    if (end <= 0) {
      return operationId;
    }
    String service = title.substring(0, end).trim();
    String word = service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    int verbEnd = 0;
    while (verbEnd < operationId.length() && Character.isLowerCase(operationId.charAt(verbEnd))) {
      verbEnd++;
    }
    return operationId.substring(0, verbEnd) + word + operationId.substring(verbEnd);
  }
}
