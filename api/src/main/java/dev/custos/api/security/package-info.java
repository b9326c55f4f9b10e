/** Authentication: OAuth2 resource server over OIDC or HS256, the development secret and its guard rails. */
package dev.custos.api.security;
