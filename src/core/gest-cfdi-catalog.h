/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SAT's catalogs a CFDI 4.0 invoice's receiver needs (S11; issue 15): the fiscal regimes
 * (c_RegimenFiscal) and the CFDI uses (c_UsoCFDI), with which of them a natural person
 * (persona física) or a company (persona moral) may take, and which use each regime allows
 * (the catalog's "Régimen Fiscal Receptor" column). Pure functions, GLib only. */

typedef enum
{
  GEST_TAXPAYER_PERSON,     /* persona física: RFC of 13 characters */
  GEST_TAXPAYER_COMPANY,    /* persona moral: RFC of 12 characters */
} GestTaxpayerKind;

/* The regime codes in catalog order ("601", "603", …), NULL-terminated, static. */
const char * const *gest_cfdi_regime_codes   (void);
/* "601 General de Ley Personas Morales": the SAT's name, translated; NULL if unknown. */
const char         *gest_cfdi_regime_label   (const char       *code);
gboolean            gest_cfdi_regime_allows  (const char       *code,
                                              GestTaxpayerKind  kind);
/* The use codes in catalog order ("G01", …, "S01", "CP01", "CN01"), NULL-terminated. */
const char * const *gest_cfdi_use_codes      (void);
const char         *gest_cfdi_use_label      (const char       *code);
gboolean            gest_cfdi_use_allows     (const char       *use,
                                              GestTaxpayerKind  kind,
                                              const char       *regime);

/* The billing data of an invoice's receiver, checked together: the RFC (gest-rfc.h, check
 * digit; its length gives the kind, which must match @kind), the name as registered with the
 * SAT (required; for the generic RFCs XAXX010101000 "PUBLICO EN GENERAL" and XEXX010101000 a
 * foreign customer's name), the fiscal postal code (5 digits), the regime allowed for the
 * kind (generic RFCs: 616 "Sin obligaciones fiscales" only), the use allowed for the kind and
 * regime (generic RFCs: S01 "Sin efectos fiscales" only; CP01 for the public in general's
 * payments too), and an email when given. FALSE with a GEST_ERROR_INVALID whose message names
 * the field and what to fix, and @out_field the field's name ("rfc", "name", "postal_code",
 * "regime", "use", "email") for the form to mark. */
gboolean            gest_cfdi_check_receiver (GestTaxpayerKind  kind,
                                              const char       *rfc,
                                              const char       *name,
                                              const char       *postal_code,
                                              const char       *regime,
                                              const char       *use,
                                              const char       *email,
                                              const char      **out_field,
                                              GError          **error);

G_END_DECLS
