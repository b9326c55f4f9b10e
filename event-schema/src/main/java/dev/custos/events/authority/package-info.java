/** Events of authority access: grants, their scopes and tokens, and every access an outside reader makes. */
package dev.custos.events.authority;
