/** Authority access: grants with their scopes, and the tokens that decide each reader's way in. */
package dev.custos.command.authority;
