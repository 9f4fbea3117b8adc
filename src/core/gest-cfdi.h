/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mexican electronic invoices (CFDI 4.0): the folio fiscal and the SAT's cancellation
 * reasons. Pure functions, GLib only. */

/* The four cancellation reasons of the SAT (motivos de cancelación), stored as their codes. */
#define GEST_CFDI_REASON_ERRORS_WITH_RELATION     "01"  /* needs the substituting CFDI */
#define GEST_CFDI_REASON_ERRORS_WITHOUT_RELATION  "02"
#define GEST_CFDI_REASON_NOT_CARRIED_OUT          "03"
#define GEST_CFDI_REASON_GLOBAL_INVOICE           "04"
#define GEST_CFDI_N_REASONS 4

/* A folio fiscal (the UUID the SAT's stamp gives) is 36 characters: 8-4-4-4-12 hexadecimal
 * digits separated by hyphens. Surrounding blanks are ignored; lower-case digits are taken
 * and written in upper case, as the SAT prints them. Returns the folio in upper case, or NULL
 * with a GEST_ERROR_INVALID that says what is wrong and where. */
char       *gest_cfdi_uuid_parse        (const char  *text,
                                         GError     **error);
gboolean    gest_cfdi_uuid_is_valid     (const char  *text);

/* The codes in order ("01".."04"), for lists; @index below GEST_CFDI_N_REASONS. */
const char *gest_cfdi_reason_code       (guint        index);
/* "01 Comprobante emitido con errores con relación": the SAT's name, translated; NULL for an
 * unknown code. */
const char *gest_cfdi_reason_label      (const char  *code);
gboolean    gest_cfdi_reason_is_valid   (const char  *code);

/* The cancellation of @cfdi_uuid for @reason: the folio and the reason valid, and for reason
 * 01 the substituting CFDI's folio fiscal, valid and different from the cancelled one (for the
 * other reasons it must be empty). FALSE with a GEST_ERROR_INVALID naming the field. */
gboolean    gest_cfdi_check_cancellation (const char  *cfdi_uuid,
                                          const char  *reason,
                                          const char  *substitute_uuid,
                                          GError     **error);

G_END_DECLS
