/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mexican phone numbers: 10 digits, optional +52 (or 52) prefix, also with the old mobile
 * "1" after it; spaces, dashes, dots and parentheses ignored. Stores the 10 digits in
 * @out_digits. */
gboolean     gest_phone_normalize      (const char  *text,
                                        char       **out_digits,
                                        GError     **error);
/* "55 1234 5678" for 10 digits (2-digit area codes 33, 55, 56, 81) or "222 123 4567". */
char        *gest_phone_format         (const char  *digits);

/* Exactly 5 digits, first two 01..99 not 00. */
gboolean     gest_postal_code_check    (const char  *text,
                                        GError     **error);

typedef struct
{
  const char *code;   /* "CDMX", "JAL", "NL"... (the RENAPO-style abbreviation) */
  const char *name;   /* "Ciudad de México", "Jalisco"... (proper names, not translated) */
} GestState;

/* The 32 federal entities, alphabetical by name. */
const GestState *gest_states           (guint       *n_states);
/* By code or by name, case and accent insensitive; NULL if unknown. */
const GestState *gest_state_lookup     (const char  *code_or_name);

/* A loose e-mail check: one @, a dot in the domain, no spaces. */
gboolean     gest_email_check          (const char  *text,
                                        GError     **error);

G_END_DECLS
