/** The catalogue of custody objects: which kinds of object can be held, shared or made dispute material. */
package dev.custos.events.custody;
