/** Python-compatible value semantics: json.dumps, repr, truthiness, type names, shared by every package. */
package io.jplay.python;
