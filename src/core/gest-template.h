/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Texts with placeholders ({{customer.name}}) that a module resolves from one of its records:
 * messages to customers, letters, call scripts. Pure: no database.
 *
 * A placeholder is "{{", a name of lower-case letters, digits, '.', '_' and '-' (spaces
 * around it are allowed), then "}}". "{{" without its "}}" or with another character inside
 * is an error, so a typo never reaches a customer as raw braces.
 *
 * A kind of template ("<module>.<what>") is the module's: it lists the placeholders its
 * records resolve and the permission that may edit its templates. Modules register their
 * kinds; the templates store refuses to save a template of an unknown kind or with a
 * placeholder its kind does not offer. */

typedef struct
{
  const char *name;    /* "customer.name" */
  const char *label;   /* N_() marked: "Customer’s name" */
} GestTemplatePlaceholder;

typedef struct
{
  const char                    *id;              /* "<module>.answer-letter" */
  const char                    *label;           /* N_() marked: "Answer letter" */
  const char                    *permission;      /* who may edit its templates */
  const GestTemplatePlaceholder *placeholders;
  guint                          n_placeholders;
} GestTemplateKind;

/* How resolved values are written into the text. */
typedef enum
{
  GEST_TEMPLATE_PLAIN,    /* as they are: an email body */
  GEST_TEMPLATE_MARKUP,   /* escaped for Pango markup (& < > ' "): a PDF letter */
} GestTemplateEscape;

/* Registers @kinds (kept, not copied: static tables). Registering an id again is a no-op.
 * Thread-safe. */
void                    gest_template_kinds_add     (const GestTemplateKind *kinds,
                                                     guint                   n_kinds);
/* The kind @id, NULL when unknown. */
const GestTemplateKind *gest_template_kind_find     (const char             *id);

/* The distinct placeholder names of @text in their order of first use (a GPtrArray of
 * strings), or NULL with GEST_ERROR_INVALID when a "{{" is not a well-formed placeholder
 * (the message gives its line). */
GPtrArray              *gest_template_parse         (const char             *text,
                                                     GError                **error);
/* TRUE when @text parses and every placeholder is one of @kind's; else GEST_ERROR_INVALID
 * whose message names the first unknown placeholder and lists the allowed ones. */
gboolean                gest_template_check         (const char             *text,
                                                     const GestTemplateKind *kind,
                                                     GError                **error);
/* @text with each placeholder replaced by its value in @values (name → UTF-8 string); a name
 * without a value becomes the empty string. @text must parse (gest_template_parse()); a
 * malformed "{{" is copied as it is. */
char                   *gest_template_resolve       (const char             *text,
                                                     GHashTable             *values,
                                                     GestTemplateEscape      escape);

G_END_DECLS
