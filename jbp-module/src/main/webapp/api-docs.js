// Draws the OpenAPI document named by data-openapi with Swagger UI (a separate file: the page's CSP allows no inline script).
const target = document.getElementById('jbp-api-docs');
window.SwaggerUIBundle({ url: target.dataset.openapi, domNode: target, deepLinking: true });
