/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-money.h"

G_BEGIN_DECLS

/* T2: where a dealer calls about a plan's early payoff, by the debt as of the consult date. */
typedef enum
{
  GEST_AREA_CUSTOMER_SERVICE,   /* "atencion-clientes" */
  GEST_AREA_EARLY_COLLECTIONS,  /* "cobranza-temprana" */
  GEST_AREA_EXTRAJUDICIAL,      /* "cobranza-extrajudicial" */
  GEST_N_AREAS
} GestArea;

typedef struct
{
  char *name;     /* "Atención a Clientes" */
  char *phones;   /* "52 28 70 00 ext. 5000" */
} GestAreaContact;

typedef struct
{
  GestMoney       low_debt_limit;        /* debt <= this goes to customer service; default 50000 */
  guint           installments_limit;    /* debt >= this many installments goes to extrajudicial; default 2 */
  GestAreaContact areas[GEST_N_AREAS];
} GestRoutingSettings;

typedef struct
{
  GestArea   area;
  char      *reason;   /* translated, e.g. "Adeudo de $3,200.00 ≥ 2 mensualidades de $1,500.00" */
} GestRoutingDecision;

/* The seed's values (circular 95/2009). */
void        gest_routing_settings_init_defaults (GestRoutingSettings       *settings);
void        gest_routing_settings_clear         (GestRoutingSettings       *settings);
const char *gest_area_id                        (GestArea                   area);
gboolean    gest_area_from_id                   (const char                *id,
                                                 GestArea                  *out);

/* Evaluated in the order of T2: debt <= low limit; debt >= N installments; otherwise early
 * collections. Negative debt or a non-positive installment is GEST_ERROR_INVALID. */
gboolean    gest_routing_decide                 (GestMoney                  debt,
                                                 GestMoney                  installment,
                                                 const GestRoutingSettings *settings,
                                                 GestRoutingDecision       *out,
                                                 GError                   **error);
void        gest_routing_decision_clear         (GestRoutingDecision       *decision);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestRoutingSettings, gest_routing_settings_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestRoutingDecision, gest_routing_decision_clear)

G_END_DECLS
