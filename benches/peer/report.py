#!/usr/bin/env python3
"""Creator-partnership report site: the analyst's way.

A peer implementation of `roster build`, kept only as a speed baseline: it
reads the same portfolio folder (roster.yaml, clients/<id>/...) and writes a
comparable static site per client with pandas, matplotlib and jinja2, the way
the figures would be worked out in a notebook and then turned into a script.
It does not validate the input the way roster does and its figures are close
to, not identical with, roster's.

    python3 benches/peer/report.py PORTFOLIO OUTDIR
"""

import io
import json
import math
import shutil
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import markdown  # noqa: E402
from jinja2 import DictLoader, Environment, select_autoescape  # noqa: E402

plt.rcParams.update({
    "svg.hashsalt": "peer",        # stable ids in the SVG files
    "svg.fonttype": "none",        # text stays text
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.subplot.left": 0.1,    # room for the labels without a tight bounding box
    "figure.subplot.right": 0.97,
    "figure.subplot.bottom": 0.17,
    "figure.subplot.top": 0.9,
})

YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MODELS = ["one_off", "retainer"]
MODEL_LABEL = {"one_off": "One-offs", "retainer": "Retainers"}
SUM_COLS = ["cost", "revenue", "conversions", "reach", "engagements", "er_num", "er_den",
            "sponsored_posts", "organic_posts"]
NUMERIC = ["impressions", "reach", "engagements", "clicks", "conversions", "revenue", "day"]


# --------------------------------------------------------------------------- input

def read_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=YamlLoader) or {}


def ts(value):
    return pd.NaT if value is None else pd.Timestamp(value)


def read_metrics_csv(path):
    """One metrics file as (kind, DataFrame): delimiter from the header, BOM, cp1251, decimal comma."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    sep = max(counts, key=counts.get)
    cols = [c.strip() for c in header.rstrip("\r").split(sep)]
    if "post_id" in cols and "published" in cols:
        kind = "posts"
    elif "post_id" in cols and "day" in cols:
        kind = "daily"
    elif "order_id" in cols and "customer" in cols:
        kind = "orders"
    else:
        raise SystemExit(f"error: {path}: header fits no kind of metrics file")
    text_cols = {"post_id", "partnership", "published", "kind", "currency", "url", "order_id",
                 "customer", "date"}
    df = pd.read_csv(io.StringIO(text), sep=sep, dtype={c: str for c in cols if c in text_cols},
                     decimal="," if sep == ";" else ".", skipinitialspace=True)
    df.columns = [c.strip() for c in df.columns]
    return kind, df


def load_client(folder, defaults):
    client = read_yaml(folder / "client.yaml")
    client["id"] = folder.name
    client["folder"] = folder
    client.setdefault("language", defaults.get("language", "en"))

    rows, extras = [], []
    for f in sorted((folder / "partnerships").glob("*.yaml")):
        p = read_yaml(f)
        creator, fee = p.get("creator", {}), p.get("fee", {})
        deliver, contract = p.get("deliverables") or {}, p.get("contract") or {}
        pid = f.stem
        rows.append({
            "id": pid,
            "creator": creator.get("name"),
            "handle": creator.get("handle"),
            "platform": creator.get("platform"),
            "followers": creator.get("followers", np.nan),
            "market": p.get("market"),
            "model": p.get("model"),
            "start": ts(p.get("start")),
            "end": ts(p.get("end")),
            "fee_amount": float(fee.get("amount", 0)),
            "fee_currency": fee.get("currency", client["currency"]),
            "sppm": deliver.get("sponsored_posts_per_month", np.nan),
            "contract_type": contract.get("type"),
            "contract_ref": contract.get("ref"),
            "promo_codes": list(p.get("promo_codes") or []),
        })
        for e in p.get("extra_costs") or []:
            extras.append({"pid": pid, "date": ts(e["date"]), "what": e.get("label", "Extra cost"),
                           "amount": float(e["amount"]),
                           "currency": e.get("currency", client["currency"]), "kind": "extra"})
    parts = pd.DataFrame(rows)
    extras = pd.DataFrame(extras, columns=["pid", "date", "what", "amount", "currency", "kind"])
    extras["date"] = pd.to_datetime(extras["date"])
    extras["amount"] = extras["amount"].astype(float)

    frames = {"posts": [], "daily": [], "orders": []}
    metrics = folder / "metrics"
    if metrics.is_dir():
        for f in sorted(metrics.rglob("*.csv")):
            kind, df = read_metrics_csv(f)
            frames[kind].append(df)

    def concat(kind, columns):
        df = pd.concat(frames[kind], ignore_index=True) if frames[kind] else pd.DataFrame()
        for c in columns:
            if c not in df.columns:
                df[c] = np.nan
        return df[columns]

    posts = concat("posts", ["post_id", "partnership", "published", "kind", "impressions", "reach",
                             "engagements", "clicks", "conversions", "revenue", "currency", "url"])
    daily = concat("daily", ["post_id", "day", "impressions", "reach", "engagements", "clicks",
                             "conversions", "revenue"])
    orders = concat("orders", ["order_id", "date", "customer", "partnership", "revenue", "currency"])

    posts["kind"] = posts["kind"].fillna("sponsored").str.strip().replace("", "sponsored")
    posts["currency"] = posts["currency"].fillna(client["currency"])
    posts["date"] = pd.to_datetime(posts["published"].str.slice(0, 10))
    posts["instant"] = pd.to_datetime(posts["published"], utc=True, format="ISO8601")
    orders["date"] = pd.to_datetime(orders["date"].str.slice(0, 10))
    orders["partnership"] = orders["partnership"].fillna("")
    daily["day"] = daily["day"].astype(int)

    notes = {}
    notes_dir = folder / "notes"
    if notes_dir.is_dir():
        for f in notes_dir.glob("*.md"):
            notes[f.stem] = f.read_text(encoding="utf-8")
    return {"client": client, "parts": parts, "extras": extras, "posts": posts, "daily": daily,
            "orders": orders, "notes": notes}


# --------------------------------------------------------------------------- money

class FX:
    def __init__(self, table):
        self.pairs = {}
        for pair, by_month in (table or {}).items():
            a, b = pair.split("/")
            self.pairs[(a, b)] = sorted((str(m), float(r)) for m, r in by_month.items())

    def _lookup(self, pair, month):
        best = None
        for m, r in self.pairs.get(pair, []):
            if m <= month:
                best = r
        return best

    @lru_cache(maxsize=None)
    def rate(self, frm, to, month):
        if frm == to:
            return 1.0
        r = self._lookup((frm, to), month)
        if r is None:
            inv = self._lookup((to, frm), month)
            r = None if inv is None else 1.0 / inv
        if r is None:
            raise SystemExit(f"error: no exchange rate {frm}/{to} for {month} or earlier")
        return r

    def convert(self, amount, currency, month, to):
        """Vectorised: the amounts in `to`, at the rate of each row's month."""
        keys = pd.MultiIndex.from_arrays([currency, month])
        uniq = keys.unique()
        rates = pd.Series([self.rate(c, to, m) for c, m in uniq], index=uniq)
        return amount.to_numpy() * rates.reindex(keys).to_numpy()


def month_str(dates):
    return dates.dt.to_period("M").astype(str)


def ratios(df):
    """Add the ratio columns to a frame of sums (undefined -> NaN)."""
    cost = df["cost"].where(df["cost"] != 0)
    df["roi"] = (df["revenue"] - df["cost"]) / cost
    df["roas"] = df["revenue"] / cost
    df["cpa"] = df["cost"] / df["conversions"].where(df["conversions"] != 0)
    df["cost_per_thousand_reached"] = df["cost"] / df["reach"].where(df["reach"] != 0) * 1000
    df["engagement_rate"] = df["er_num"] / df["er_den"].where(df["er_den"] != 0)
    return df


def creator_roi(roi, ids):
    s = pd.Series(np.asarray(roi, dtype=float), index=list(ids)).dropna()
    if s.empty:
        return {"n": 0, "min": None, "q1": None, "median": None, "q3": None, "max": None,
                "best": None, "worst": None}
    q = np.quantile(s.to_numpy(), [0, 0.25, 0.5, 0.75, 1])
    frame = s.rename("roi").rename_axis("id").reset_index()
    best = frame.sort_values(["roi", "id"], ascending=[False, True]).iloc[0]["id"]
    worst = frame.sort_values(["roi", "id"], ascending=[True, True]).iloc[0]["id"]
    return {"n": int(s.size), "min": q[0], "q1": q[1], "median": q[2], "q3": q[3], "max": q[4],
            "best": best, "worst": worst}


def partnership_month(start, d):
    n = (d.year - start.year) * 12 + d.month - start.month
    if d < start + pd.DateOffset(months=n):
        n -= 1
    return n + 1


def phase_of(month):
    return "build" if month <= 1 else "optimize" if month <= 4 else "scale" if month <= 6 else "continuation"


# --------------------------------------------------------------------------- the figures

def analyse(data, settings, fx):
    client, parts = data["client"], data["parts"].copy()
    cur = client["currency"]
    as_of = settings["as_of"]
    asof_month = as_of.strftime("%Y-%m")
    window = settings["repeat_window_days"]
    ramp = settings["ramp_up_days"]
    denominator = settings["engagement_denominator"]
    targets = client.get("targets") or {}
    target_roi = float(targets.get("roi", 0))
    target_cpa = targets.get("cpa")

    future = parts[parts["start"] > as_of]
    parts = parts[parts["start"] <= as_of].sort_values("id").reset_index(drop=True)
    valid = set(parts["id"])

    # ---- cost ledger: one row per fee day (retainers), fee (one-offs), extra cost
    ledger = []
    for p in pd.concat([parts, future]).itertuples():
        if p.model == "retainer":
            last = p.end if pd.notna(p.end) else max(as_of, p.start)
            days = pd.date_range(p.start, last, freq="D")
            ledger.append(pd.DataFrame({"pid": p.id, "date": days, "what": "Fee",
                                        "amount": p.fee_amount / days.days_in_month,
                                        "frac": 1.0 / days.days_in_month,
                                        "currency": p.fee_currency, "kind": "fee"}))
        else:
            ledger.append(pd.DataFrame({"pid": [p.id], "date": [p.start], "what": ["Fee"],
                                        "amount": [p.fee_amount], "frac": [0.0],
                                        "currency": [p.fee_currency], "kind": ["fee"]}))
    extras = data["extras"].assign(frac=0.0)
    ledger = pd.concat(ledger + [extras], ignore_index=True)
    ledger["month"] = month_str(ledger["date"])
    ledger["to_date"] = ledger["date"] <= as_of
    # a partnership that has not started: only what lies ahead counts
    ledger = ledger[ledger["pid"].isin(valid) | ~ledger["to_date"]]
    rate_month = ledger["month"].where(ledger["month"] <= asof_month, asof_month)
    ledger["amount_cc"] = fx.convert(ledger["amount"], ledger["currency"], rate_month, cur)
    spent = ledger[ledger["to_date"] & ledger["pid"].isin(valid)]
    ahead = ledger[~ledger["to_date"]]

    # ---- posts
    posts = data["posts"]
    posts = posts[(posts["date"] <= as_of) & posts["partnership"].isin(valid)].copy()
    posts["month"] = month_str(posts["date"])
    posts["revenue_cc"] = fx.convert(posts["revenue"].fillna(0), posts["currency"], posts["month"], cur)
    posts.loc[posts["revenue"].isna(), "revenue_cc"] = np.nan
    posts = posts.merge(parts[["id", "model", "market", "creator", "platform", "followers", "start"]],
                        left_on="partnership", right_on="id", how="left").drop(columns="id")
    denom = posts["followers"] if denominator == "followers" else posts[denominator]
    posts["denom"] = denom
    defined = posts["engagements"].notna() & denom.notna() & (denom > 0)
    posts["rate"] = (posts["engagements"] / denom).where(defined)
    posts["er_num"] = posts["engagements"].where(defined, 0)
    posts["er_den"] = denom.where(defined, 0)
    posts = posts.sort_values(["partnership", "instant", "post_id"]).reset_index(drop=True)
    sponsored = posts["kind"] == "sponsored"
    posts["post_number"] = np.nan
    posts.loc[sponsored, "post_number"] = posts[sponsored].groupby("partnership").cumcount() + 1
    posts["ramp_up"] = (posts["date"] - posts["start"]).dt.days < ramp

    # ---- per partnership
    base = parts.set_index("id")[["creator", "platform", "market", "model", "start", "end",
                                  "fee_amount", "fee_currency", "sppm", "contract_type",
                                  "contract_ref"]].copy()
    base["cost"] = spent.groupby("pid")["amount_cc"].sum()
    post_sums = posts.groupby("partnership").agg(
        revenue=("revenue_cc", "sum"), conversions=("conversions", "sum"), reach=("reach", "sum"),
        engagements=("engagements", "sum"), er_num=("er_num", "sum"), er_den=("er_den", "sum"))
    base = base.join(post_sums)
    counts = posts.groupby(["partnership", "kind"]).size().unstack(fill_value=0)
    base["sponsored_posts"] = counts.get("sponsored", pd.Series(dtype=int))
    base["organic_posts"] = counts.get("organic", pd.Series(dtype=int))
    base[SUM_COLS] = base[SUM_COLS].fillna(0)
    base = ratios(base)
    months_to_date = spent[spent["kind"] == "fee"].groupby("pid")["frac"].sum()
    base["contracted_posts"] = base["sppm"] * months_to_date.reindex(base.index).fillna(0)
    base["fulfilment"] = base["sponsored_posts"] / base["contracted_posts"].where(base["contracted_posts"] > 0)
    base["committed"] = ahead.groupby("pid")["amount_cc"].sum().reindex(base.index).fillna(0)
    fut_rate = {c: fx.rate(c, cur, asof_month) for c in base["fee_currency"].unique()}
    base["monthly_fee"] = (base["fee_amount"] * base["fee_currency"].map(fut_rate)).where(
        base["model"] == "retainer")

    def trend(g):
        g = g.dropna(subset=["rate"])
        return np.polyfit(g["post_number"], g["rate"], 1)[0] if len(g) >= 3 else np.nan

    sp = posts[sponsored.to_numpy()]
    base["engagement_trend"] = sp.groupby("partnership")[["post_number", "rate"]].apply(trend)

    month_no, phase, rec, why = {}, {}, {}, {}
    for pid, p in base.iterrows():
        current = min(as_of, p["end"]) if pd.notna(p["end"]) else as_of
        if p["model"] != "retainer":
            month_no[pid], phase[pid], rec[pid], why[pid] = 1, None, None, ""
            continue
        m = partnership_month(p["start"], current)
        month_no[pid] = m
        ended = pd.notna(p["end"]) and p["end"] < as_of
        phase[pid] = "ended" if ended else phase_of(m)
        roi, cpa, tr = p["roi"], p["cpa"], p["engagement_trend"]
        ends_soon = pd.notna(p["end"]) and 0 <= (p["end"] - as_of).days <= 30
        cpa_ok = target_cpa is None or (pd.notna(cpa) and cpa <= target_cpa)
        if ended:
            rec[pid], why[pid] = "ended", "Rule 1: the contract ended before the report date."
        elif (as_of - p["start"]).days < ramp:
            rec[pid], why[pid] = "too_early", "Rule 2: still within ramp-up."
        elif m < 6 and not ends_soon:
            rec[pid], why[pid] = "in_progress", "Rule 3: below month 6 and not ending within 30 days."
        elif pd.notna(roi) and roi >= target_roi and cpa_ok and not (pd.notna(tr) and tr < 0):
            rec[pid], why[pid] = "extend", "Rule 4: ROI and CPA meet the targets, engagement is not falling."
        elif pd.notna(roi) and roi < target_roi and pd.notna(tr) and tr < 0:
            rec[pid], why[pid] = "move_on", "Rule 5: ROI below target and engagement falling."
        else:
            rec[pid], why[pid] = "review", "Rule 6: the figures point both ways."
    base["month"] = pd.Series(month_no)
    base["phase"] = pd.Series(phase)
    base["recommendation"] = pd.Series(rec)
    base["why"] = pd.Series(why)

    # ---- payback: the first day from which on revenue to date covers cost to date
    days_all = pd.date_range(min(parts["start"].min(), as_of), as_of, freq="D") if len(parts) else []
    cost_daily = spent.pivot_table(index="date", columns="pid", values="amount_cc", aggfunc="sum")
    rev_daily = posts.pivot_table(index="date", columns="partnership", values="revenue_cc", aggfunc="sum")
    pay_day, pay_month = {}, {}
    for pid, p in base.iterrows():
        days = days_all[days_all >= p["start"]]
        none = pd.Series(dtype=float, index=pd.DatetimeIndex([]))
        c = cost_daily[pid].dropna() if pid in cost_daily else none
        r = rev_daily[pid].dropna() if pid in rev_daily else none
        c.index, r.index = c.index.where(c.index >= p["start"], p["start"]), r.index.where(r.index >= p["start"], p["start"])
        cc = c.groupby(level=0).sum().reindex(days, fill_value=0).cumsum().to_numpy()
        cr = r.groupby(level=0).sum().reindex(days, fill_value=0).cumsum().to_numpy()
        black = (cc > 0) & (cr >= cc)
        if len(black) and black[-1]:
            idx = int(np.flatnonzero(~black)[-1] + 1) if (~black).any() else 0
            pay_day[pid] = idx + 1
            pay_month[pid] = partnership_month(p["start"], days[idx])
    base["payback_day"] = pd.Series(pay_day, dtype=float)
    base["payback_month"] = pd.Series(pay_month, dtype=float)

    # ---- repeat purchase
    orders = data["orders"]
    orders = orders[orders["date"] <= as_of].sort_values(["date", "order_id"])
    acq = orders.drop_duplicates("customer")[["customer", "order_id", "date", "partnership"]]
    joined = orders.merge(acq, on="customer", suffixes=("", "_acq"))
    gap = (joined["date"] - joined["date_acq"]).dt.days
    repeaters = joined.loc[(joined["order_id"] != joined["order_id_acq"]) & gap.between(0, window), "customer"]
    acq = acq[acq["partnership"].isin(valid)].copy()
    acq["eligible"] = (as_of - acq["date"]).dt.days >= window
    acq["repeats"] = acq["eligible"] & acq["customer"].isin(set(repeaters))
    acq = acq.merge(parts[["id", "model", "market"]], left_on="partnership", right_on="id")

    def repeat_rate(by):
        g = acq.groupby(by)[["eligible", "repeats"]].sum()
        return g["repeats"] / g["eligible"].where(g["eligible"] > 0)

    base["repeat_purchase_rate"] = repeat_rate("partnership")
    base = base.reset_index().rename(columns={"index": "id"})

    # ---- groups: portfolio, markets, models
    def group(by):
        g = base.groupby(by)[SUM_COLS].sum()
        return ratios(g)

    total = ratios(base[SUM_COLS].sum().to_frame().T).iloc[0]
    eligible = acq["eligible"].sum()
    portfolio = total.to_dict()
    portfolio["repeat_purchase_rate"] = acq["repeats"].sum() / eligible if eligible else None
    portfolio["creator_roi"] = creator_roi(base["roi"], base["id"])

    market_names = {m["id"]: m["name"] for m in client["markets"]}
    markets = group("market").reindex(sorted(market_names)).fillna({c: 0 for c in SUM_COLS})
    markets = ratios(markets)
    markets["name"] = [market_names[m] for m in markets.index]
    markets["repeat_purchase_rate"] = repeat_rate("market")
    active = base[(base["model"] == "retainer") & (base["end"].isna() | (base["end"] >= as_of))]
    markets["monthly_run_rate"] = active.groupby("market")["monthly_fee"].sum().reindex(markets.index).fillna(0)
    markets["committed"] = base.groupby("market")["committed"].sum().reindex(markets.index).fillna(0)
    models = group("model")
    models["repeat_purchase_rate"] = repeat_rate("model")
    costed = base[base["cost"] > 0]
    models["n_costed"] = costed.groupby("model").size()
    models["paid_back"] = costed.dropna(subset=["payback_day"]).groupby("model").size()
    models["median_payback_month"] = costed.groupby("model")["payback_month"].median()
    models[["n_costed", "paid_back"]] = models[["n_costed", "paid_back"]].fillna(0)

    # ---- engagement by post number, with the paired lift
    sp = posts[posts["post_number"].notna()].copy()
    sp["post_number"] = sp["post_number"].astype(int)
    ebn = sp.groupby(["model", "post_number"])["rate"].agg(mean_engagement_rate="mean", n="count").reset_index()
    first = ebn[ebn["post_number"] == 1].set_index("model")["mean_engagement_rate"]
    ebn["lift"] = ebn["mean_engagement_rate"] / ebn["model"].map(first).replace(0, np.nan) - 1
    paired = []
    for model, g in sp.groupby("model"):
        wide = g.pivot_table(index="partnership", columns="post_number", values="rate")
        wide = wide.reindex(columns=sorted(g["post_number"].unique()))  # k with no defined rate too
        for k in wide.columns:
            if k == 1 or 1 not in wide.columns:
                paired.append((model, k, None, None, None, None))
                continue
            pair = wide[[1, k]].dropna().sort_index().to_numpy()
            n = len(pair)
            lift = pair[:, 1].mean() / pair[:, 0].mean() - 1 if n and pair[:, 0].mean() else None
            low = high = None
            if n >= 5:
                idx = np.random.default_rng(int(k)).integers(0, n, size=(1000, n))
                m1, mk = pair[idx, 0].mean(axis=1), pair[idx, 1].mean(axis=1)
                keep = m1 != 0
                if keep.any():
                    low, high = np.quantile(mk[keep] / m1[keep] - 1, [0.025, 0.975])
            paired.append((model, k, n, lift, low, high))
    paired = pd.DataFrame(paired, columns=["model", "post_number", "n_pairs", "paired_lift",
                                           "lift_low", "lift_high"])
    ebn = ebn.merge(paired, on=["model", "post_number"], how="left")

    # ---- daily files: decay and conversion window (sponsored posts)
    daily = data["daily"].merge(
        posts.loc[posts["kind"] == "sponsored", ["post_id", "partnership", "model", "date", "currency"]],
        on="post_id")
    daily["dated"] = daily["date"] + pd.to_timedelta(daily["day"] - 1, unit="D")
    daily = daily[daily["dated"] <= as_of]
    known = daily["engagements"].notna() & daily["reach"].notna()
    dd = daily.assign(e=daily["engagements"].where(known, 0), r=daily["reach"].where(known, 0),
                      c=daily["conversions"].fillna(0))
    decay = dd.groupby(["model", "day"]).agg(e=("e", "sum"), r=("r", "sum"), n=("post_id", "nunique"),
                                              c=("c", "sum")).reset_index()
    decay["engagement_rate"] = decay["e"] / decay["r"].where(decay["r"] > 0)
    totals = decay.groupby("model")["c"].transform("sum")
    decay["share"] = (decay.groupby("model")["c"].cumsum() / totals.where(totals > 0))
    window_rows = []
    for model, g in decay.groupby("model"):
        total_c = g["c"].sum()
        hit = g[10 * g["c"].cumsum() >= 9 * total_c] if total_c else g.iloc[0:0]
        window_rows.append({"model": model,
                            "days_to_90pct": int(hit["day"].iloc[0]) if len(hit) else None,
                            "cumulative": g[["day", "share"]].to_dict("records")})

    # ---- months
    activity = pd.concat([spent["date"], posts["date"]])
    months = [str(p) for p in pd.period_range(activity.min(), as_of, freq="M")] if len(activity) else [asof_month]
    month_cost = spent.groupby("month")["amount_cc"].sum()
    month_posts = posts.groupby("month").agg(
        revenue=("revenue_cc", "sum"), conversions=("conversions", "sum"), reach=("reach", "sum"),
        engagements=("engagements", "sum"), er_num=("er_num", "sum"), er_den=("er_den", "sum"),
        sponsored_posts=("kind", lambda k: (k == "sponsored").sum()),
        organic_posts=("kind", lambda k: (k == "organic").sum()))
    monthly = month_posts.reindex(months).fillna(0)
    monthly.insert(0, "cost", month_cost.reindex(months).fillna(0))
    monthly = ratios(monthly)

    # ---- money ahead
    committed_by_month = ahead.groupby("month")["amount_cc"].sum()
    if len(committed_by_month):
        rng = [str(p) for p in pd.period_range((as_of + pd.Timedelta(days=1)), committed_by_month.index.max() + "-01", freq="M")]
        committed_by_month = committed_by_month.reindex(rng, fill_value=0)
    open_ended = active[active["end"].isna()]
    trailing = [str(p) for p in pd.period_range(end=as_of, periods=12, freq="M")]
    portfolio.update({
        "committed": float(ahead["amount_cc"].sum()),
        "monthly_run_rate": float(active["monthly_fee"].sum()),
        "annual_run_rate": float(12 * active["monthly_fee"].sum()),
        "open_ended_monthly": float(open_ended["monthly_fee"].sum()),
        "trailing_12m_cost": float(spent.loc[spent["month"].isin(trailing), "amount_cc"].sum()),
        "committed_by_month": [{"month": m, "amount": a} for m, a in committed_by_month.items()],
    })
    renewals = base[(base["model"] == "retainer") & base["end"].notna()
                    & (base["end"] - as_of).dt.days.between(0, 90)].sort_values(["end", "id"]).copy()
    renewals["days_left"] = (renewals["end"] - as_of).dt.days

    budgets = []
    for key, amount in (client.get("budgets") or {}).items():
        key = str(key)
        if len(key) == 4:
            start, end = pd.Timestamp(f"{key}-01-01"), pd.Timestamp(f"{key}-12-31")
        elif "Q" in key:
            q = pd.Period(key.replace("-", ""), freq="Q")
            start, end = q.start_time.normalize(), q.end_time.normalize()
        else:
            m = pd.Period(key, freq="M")
            start, end = m.start_time.normalize(), m.end_time.normalize()
        inside = ledger["date"].between(start, end)
        b_spent = spent.loc[spent["date"].between(start, end), "amount_cc"].sum()
        b_comm = ledger.loc[inside & ~ledger["to_date"], "amount_cc"].sum()
        after = pd.date_range(max(start, as_of + pd.Timedelta(days=1)), end, freq="D")
        assumed = open_ended["monthly_fee"].sum() * (1.0 / after.days_in_month).sum() if len(after) else 0.0
        projected = b_spent + b_comm + assumed
        total_days = (end - start).days + 1
        elapsed = min(max((as_of - start).days + 1, 0), total_days) / total_days
        budgets.append({"period": key, "start": start.date().isoformat(), "end": end.date().isoformat(),
                        "amount": float(amount), "spent": b_spent, "committed": b_comm,
                        "projected": projected, "remaining": float(amount) - projected,
                        "elapsed": elapsed, "pacing": b_spent / amount if amount else None})
    budgets.sort(key=lambda b: (b["start"], -len(pd.date_range(b["start"], b["end"]))))

    return {"as_of": as_of, "parts": base, "posts": posts, "daily": daily, "ledger": ledger,
            "spent": spent, "ahead": ahead, "portfolio": portfolio, "markets": markets,
            "models": models, "ebn": ebn, "decay": decay, "window": window_rows,
            "months": months, "monthly": monthly, "renewals": renewals, "budgets": budgets,
            "acq": acq, "committed_by_month": committed_by_month}


# --------------------------------------------------------------------------- data.json

def clean(obj):
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return None if math.isnan(obj) else float(obj)
    if isinstance(obj, pd.Timestamp):
        return None if pd.isna(obj) else obj.date().isoformat()
    if obj is pd.NaT:
        return None
    return obj


FIG_KEYS = ["cost", "revenue", "roi", "roas", "conversions", "cpa", "reach", "engagements",
            "engagement_rate", "cost_per_thousand_reached"]


def data_json(client, a):
    parts = a["parts"]
    markets = a["markets"]
    out = {
        "schema": 2,
        "client": {"id": client["id"], "name": client["name"], "currency": client["currency"]},
        "as_of": a["as_of"].date().isoformat(),
        "portfolio": {**{k: a["portfolio"][k] for k in FIG_KEYS},
                      "creator_roi": a["portfolio"]["creator_roi"],
                      "sponsored_posts": a["portfolio"]["sponsored_posts"],
                      "organic_posts": a["portfolio"]["organic_posts"],
                      "repeat_purchase_rate": a["portfolio"]["repeat_purchase_rate"],
                      **{k: a["portfolio"][k] for k in ["committed", "monthly_run_rate", "annual_run_rate",
                                                        "open_ended_monthly", "trailing_12m_cost",
                                                        "committed_by_month"]}},
        "markets": [{"id": m, "name": r["name"], **{k: r[k] for k in FIG_KEYS},
                     "creator_roi": creator_roi(parts.loc[parts["market"] == m, "roi"],
                                                parts.loc[parts["market"] == m, "id"]),
                     "repeat_purchase_rate": r["repeat_purchase_rate"],
                     "sponsored_posts": r["sponsored_posts"], "organic_posts": r["organic_posts"],
                     "committed": r["committed"], "monthly_run_rate": r["monthly_run_rate"]}
                    for m, r in markets.iterrows()],
        "models": [{"model": m, **{k: r[k] for k in FIG_KEYS},
                    "creator_roi": creator_roi(parts.loc[parts["model"] == m, "roi"],
                                               parts.loc[parts["model"] == m, "id"]),
                    "repeat_purchase_rate": r["repeat_purchase_rate"],
                    "sponsored_posts": r["sponsored_posts"], "organic_posts": r["organic_posts"],
                    "paid_back": r["paid_back"], "n_costed": r["n_costed"],
                    "median_payback_month": r["median_payback_month"]}
                   for m, r in a["models"].iterrows()],
        "engagement_by_post_number": a["ebn"].astype(object).where(a["ebn"].notna(), None).to_dict("records"),
        "engagement_decay": a["decay"][["model", "day", "engagement_rate", "n"]].to_dict("records"),
        "conversion_window": a["window"],
        "partnerships": [
            {"id": r["id"], "creator": r["creator"], "platform": r["platform"], "market": r["market"],
             "model": r["model"], "start": r["start"], "end": r["end"],
             **{k: r[k] for k in FIG_KEYS},
             "sponsored_posts": r["sponsored_posts"], "organic_posts": r["organic_posts"],
             "contracted_posts": r["contracted_posts"], "fulfilment": r["fulfilment"],
             "month": r["month"], "phase": r["phase"], "engagement_trend": r["engagement_trend"],
             "repeat_purchase_rate": r["repeat_purchase_rate"], "recommendation": r["recommendation"],
             "committed": r["committed"], "monthly_fee": r["monthly_fee"],
             "payback_day": r["payback_day"], "payback_month": r["payback_month"],
             "promo_codes": client["promo"].get(r["id"], [])}
            for _, r in parts.iterrows()],
        "months": [{"month": m, **{k: r[k] for k in FIG_KEYS},
                    "sponsored_posts": r["sponsored_posts"], "organic_posts": r["organic_posts"]}
                   for m, r in a["monthly"].iterrows()],
        "renewals": [{"id": r["id"], "end": r["end"], "days_left": r["days_left"],
                      "contract_type": r["contract_type"], "contract_ref": r["contract_ref"],
                      "monthly_fee": r["monthly_fee"], "recommendation": r["recommendation"]}
                     for _, r in a["renewals"].iterrows()],
        "budgets": a["budgets"],
    }
    out = clean(out)
    for row in out["partnerships"]:
        for k in ("month", "sponsored_posts", "organic_posts", "conversions", "reach", "engagements"):
            if row[k] is not None:
                row[k] = int(row[k])
        for k in ("payback_day", "payback_month"):
            if row[k] is not None:
                row[k] = int(row[k])
    return out


# --------------------------------------------------------------------------- pages

CSS = """
:root { --brand: #2f5d8a; --ink: #1d2433; --muted: #5b6577; --line: #dde2ea; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0; background: #fbfcfd; }
header.top { background: var(--brand); color: #fff; padding: .8rem 1.5rem; }
header.top a { color: #fff; text-decoration: none; margin-right: 1rem; }
header.top .client { font-weight: 700; font-size: 1.1rem; }
header.top img { height: 28px; vertical-align: middle; margin-right: .5rem; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { margin: 1rem 0 .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); }
ul.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .6rem;
           list-style: none; padding: 0; }
ul.cards li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem; }
ul.cards .label { display: block; color: var(--muted); font-size: .8rem; }
ul.cards .value { font-size: 1.2rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; background: #fff; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; }
a.csv { font-size: .8rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 4px; background: #eef1f6; }
.badge.extend { background: #d8f3dc; } .badge.move_on { background: #ffd6d6; }
.badge.review { background: #fff3c4; }
details { margin: .5rem 0; }
footer { color: var(--muted); font-size: .8rem; max-width: 1100px; margin: 0 auto; padding: 0 1.5rem 2rem; }
"""

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="{{ client.language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ title }} · {{ client.name }}</title>
<link rel="stylesheet" href="{{ root }}style.css">
{% if client.brand and client.brand.color %}<style>:root { --brand: {{ client.brand.color }}; }</style>{% endif %}
</head>
<body>
<header class="top">
{% if client.logo %}<img src="{{ root }}{{ client.logo }}" alt="">{% endif %}
<a class="client" href="{{ root }}index.html">{{ client.name }}</a>
<a href="{{ root }}index.html">Overview</a>
<a href="{{ root }}reports/{{ latest }}/index.html">Monthly reports</a>
<a href="{{ root }}commitments/index.html">Commitments</a>
<a href="{{ root }}index.html#roster">Partnerships</a>
<a href="{{ root }}index.html#markets">Markets</a>
</header>
<main>
{% block main %}{% endblock %}
<h2 id="how">How we count</h2>
<p>Money is in {{ client.currency }}, converted at the rate of the month it is booked in. Cost is the
fee (retainers: per month, prorated by day; one-offs: once, on the start date) plus extra costs.
Revenue is the revenue of posts published to date. ROI = (revenue − cost) / cost, ROAS = revenue /
cost, CPA = cost / conversions. Engagement rate = engagements / {{ denominator }}, summed over the
posts where both are known. Post numbers count a partnership's sponsored posts in order of
publication. A customer repeats when another of their orders falls within {{ window }} days of their
first. Figures are as of {{ as_of }}; "n/a" marks a ratio whose denominator is 0 or unknown.</p>
</main>
<footer>{{ agency }} · as of {{ as_of }}</footer>
</body>
</html>
""",
    "macros.html": """{% macro table(t) %}
<table>
<caption>{{ t.caption }} <a class="csv" href="{{ t.csv }}" download>CSV</a></caption>
<thead><tr>{% for c in t.columns %}<th scope="col">{{ c }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in t.rows %}<tr>{% for c in t.columns %}{% set v = row[loop.index0] %}<td>{% if c == 'Link' and v %}<a href="{{ v }}" rel="noopener noreferrer">post</a>{% elif t.links and loop.index0 == 0 and row[-1] %}<a href="{{ row[-1] }}">{{ v }}</a>{% else %}{{ v }}{% endif %}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% endmacro %}
{% macro chart(c, t) %}
<figure>
<img src="{{ c.src }}" alt="{{ c.alt }}" width="700" height="300">
<figcaption>{{ c.title }}</figcaption>
</figure>
{% if t %}<details><summary>The data of this chart</summary>{{ table(t) }}</details>{% endif %}
{% endmacro %}
{% macro cards(items) %}
<ul class="cards">{% for label, value in items %}<li><span class="label">{{ label }}</span><span class="value">{{ value }}</span></li>{% endfor %}</ul>
{% endmacro %}
""",
    "overview.html": """{% extends "base.html" %}{% from "macros.html" import table, chart, cards %}
{% block main %}
<h1>{{ client.name }}</h1>
<p class="muted">Creator partnerships to date, as of {{ as_of }}.</p>
{{ cards(headline) }}
<h2>Money ahead</h2>
{{ cards(ahead) }}
{% if renewals %}<h3>Renewals due within 30 days</h3>{{ table(renewals) }}{% endif %}
<p><a href="commitments/index.html">Commitments, run-rate and budgets</a></p>
<h2>Engagement by post number</h2>
{{ chart(charts.headline, tables.headline) }}
<h3>How sure: the lift by post number</h3>
{{ chart(charts.lift, tables.lift) }}
<h2>ROI per market</h2>
{{ chart(charts.market_roi, tables.market_roi) }}
<h2>Creator-level ROI</h2>
{{ chart(charts.creator_roi, tables.creator_roi) }}
{{ table(tables.creator_roi_summary) }}
<h2 id="markets">Markets</h2>
{{ table(tables.markets) }}
<h2>One-offs and long-term partnerships, side by side</h2>
{{ table(tables.models) }}
<details><summary>Every figure</summary>{{ table(tables.models_all) }}</details>
<h3>Engagement by day after publication</h3>
{{ chart(charts.decay, tables.decay) }}
<h3>Share of conversions by day</h3>
{{ chart(charts.window, tables.window) }}
<h2 id="roster">The roster</h2>
{{ table(tables.roster) }}
<h2>The latest month: {{ latest_label }}</h2>
{{ cards(latest_cards) }}
<p><a href="reports/{{ latest }}/index.html">The report for {{ latest_label }}</a></p>
<h2>Every page of this report</h2>
<h3>Every monthly report</h3>
<ul>{% for m, label in months %}<li><a href="reports/{{ m }}/index.html">{{ label }}</a></li>{% endfor %}</ul>
<h3>Every partnership</h3>
<ul>{% for p in partnerships %}<li><a href="partnerships/{{ p.id }}/index.html">{{ p.creator }}</a></li>{% endfor %}</ul>
<h3>Every market</h3>
<ul>{% for m in markets %}<li><a href="markets/{{ m.id }}/index.html">{{ m.name }}</a></li>{% endfor %}</ul>
{% endblock %}
""",
    "partnership.html": """{% extends "base.html" %}{% from "macros.html" import table, chart, cards %}
{% block main %}
<p class="muted"><a href="../../markets/{{ p.market }}/index.html">{{ market_name }}</a> · Partnerships</p>
<h1>{{ p.creator }}</h1>
{% if p.recommendation %}<p>Recommendation: <span class="badge {{ p.recommendation }}">{{ p.recommendation | replace('_', ' ') | capitalize }}</span></p>{% endif %}
<dl>{% for k, v in facts %}<dt>{{ k }}</dt><dd>{{ v }}</dd>{% endfor %}</dl>
{{ cards(figures) }}
{% if tables.phases %}<h2>Phase timeline</h2>{{ table(tables.phases) }}{% endif %}
<h2>Engagement per post</h2>
{{ chart(charts.engagement, tables.engagement) }}
<h2>Day by day</h2>
{{ chart(charts.daily, tables.daily) }}
<h2>Posts</h2>
{{ table(tables.posts) }}
<h2>Costs by month</h2>
{{ table(tables.costs) }}
{% if tables.extra %}<h2>Extra costs</h2>{{ table(tables.extra) }}{% endif %}
{% if p.recommendation %}<h2 id="advice">Recommendation: {{ p.recommendation | replace('_', ' ') }}</h2>
<h3>Why</h3><p>{{ p.why }}</p>{% endif %}
{% if note %}<h2>Commentary</h2>{{ note | safe }}{% endif %}
{% endblock %}
""",
    "month.html": """{% extends "base.html" %}{% from "macros.html" import table, chart, cards %}
{% block main %}
<p class="muted">Monthly report</p>
<h1>{{ label }}</h1>
<p>{% if prev %}<a href="../{{ prev }}/index.html">← previous month</a>{% endif %}
{% if next %} · <a href="../{{ next }}/index.html">next month →</a>{% endif %}</p>
<h2>In brief</h2>
{{ cards(figures) }}
{% if note %}<h2>Commentary</h2>{{ note | safe }}{% endif %}
<h2>The month against the month before</h2>
{{ table(tables.month) }}
<h2>The month per creator</h2>
{{ table(tables.creators) }}
<h2>Posts of the month</h2>
{{ table(tables.posts) }}
<h2>Cost and revenue by month</h2>
{{ chart(charts.trend, tables.trend) }}
{% endblock %}
""",
    "market.html": """{% extends "base.html" %}{% from "macros.html" import table, chart, cards %}
{% block main %}
<p class="muted">Market</p>
<h1>{{ name }}</h1>
{{ cards(figures) }}
<h2>Partnerships</h2>
{{ table(tables.partnerships) }}
<h2>Engagement by post number in this market</h2>
{{ chart(charts.headline, tables.headline) }}
<h2>Creator-level ROI</h2>
{{ chart(charts.creator_roi, tables.creator_roi) }}
{% endblock %}
""",
    "commitments.html": """{% extends "base.html" %}{% from "macros.html" import table, chart, cards %}
{% block main %}
<h1>Commitments</h1>
<h2>Total annual investment</h2>
{{ cards(figures) }}
<h2>Cost by month: spent and committed</h2>
{{ chart(charts.cost_by_month, tables.cost_by_month) }}
<h3>Markets</h3>
{{ table(tables.markets) }}
<h2>Budgets</h2>
{% if tables.budgets %}{{ table(tables.budgets) }}{% else %}<p>No budgets in client.yaml.</p>{% endif %}
<h2>Renewal calendar</h2>
{% if tables.renewals %}{{ table(tables.renewals) }}{% else %}<p>No renewals within 90 days.</p>{% endif %}
<h2>Committed by partnership</h2>
{{ table(tables.committed) }}
{% endblock %}
""",
    "index.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>{{ title }}</title><link rel="stylesheet" href="style.css"></head>
<body><header class="top"><span class="client">{{ title }}</span></header>
<main><h1>Clients</h1><ul>{% for c in clients %}<li><a href="{{ c.id }}/index.html">{{ c.name }}</a></li>{% endfor %}</ul></main>
</body></html>
""",
}

env = Environment(loader=DictLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)


class Site:
    """Writes the files of one client and counts them."""

    def __init__(self, root):
        self.root = Path(root)
        self.pages = 0
        self.files = 0

    def path(self, rel):
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def page(self, rel, template, **ctx):
        self.path(rel).write_text(env.get_template(template).render(**ctx), encoding="utf-8")
        self.pages += 1
        self.files += 1

    def text(self, rel, text):
        self.path(rel).write_text(text, encoding="utf-8")
        self.files += 1

    def table(self, rel_dir, name, caption, df, fmt, money, link_col=None):
        """Write df as <rel_dir>/<name>.csv and return what the table macro needs."""
        df.to_csv(self.path(f"{rel_dir}/{name}.csv".lstrip("/")), index=False, encoding="utf-8-sig")
        self.files += 1
        disp = pd.DataFrame(index=df.index)
        for col in df.columns:
            kind = fmt.get(col, "text")
            disp[col] = df[col].map(FORMATS[kind](money)) if kind != "text" else df[col].map(TEXT)
        rows = disp.values.tolist()
        if link_col is not None:
            rows = [r + [h] for r, h in zip(rows, link_col)]
        return {"caption": caption, "csv": f"{name}.csv", "columns": list(df.columns), "rows": rows,
                "links": link_col is not None}

    def chart(self, rel_dir, name, fig, title, alt):
        fig.savefig(self.path(f"{rel_dir}/{name}.svg".lstrip("/")), format="svg",
                    metadata={"Date": None, "Title": title, "Description": alt})
        plt.close(fig)
        self.files += 1
        return {"src": f"{name}.svg", "title": title, "alt": alt}


def _na(f, na="n/a"):
    return lambda v: na if v is None or (isinstance(v, float) and math.isnan(v)) else f(v)


FORMATS = {
    "money": lambda cur: _na(lambda v: f"{v:,.2f} {cur}"),
    "pct": lambda cur: _na(lambda v: f"{v:.1%}"),
    "int": lambda cur: _na(lambda v: f"{int(v):,}"),
    "num": lambda cur: _na(lambda v: f"{v:,.2f}"),
    "x": lambda cur: _na(lambda v: f"{v:.2f}×"),
    "pp": lambda cur: _na(lambda v: f"{v * 100:+.2f} pp"),
    "date": lambda cur: _na(lambda v: v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v)),
}


TEXT = _na(str, "")


def fmt_value(kind, v, cur):
    return FORMATS[kind](cur)(v)


def month_label(m):
    return pd.Period(m, freq="M").strftime("%B %Y")


def cards_for(row, cur):
    return [("Cost", fmt_value("money", row["cost"], cur)),
            ("Revenue", fmt_value("money", row["revenue"], cur)),
            ("ROI", fmt_value("pct", row["roi"], cur)),
            ("ROAS", fmt_value("x", row["roas"], cur)),
            ("CPA", fmt_value("money", row["cpa"], cur)),
            ("Cost per 1,000 reached", fmt_value("money", row["cost_per_thousand_reached"], cur)),
            ("Engagement rate", fmt_value("pct", row["engagement_rate"], cur)),
            ("Conversions", fmt_value("int", row["conversions"], cur)),
            ("Reach", fmt_value("int", row["reach"], cur)),
            ("Sponsored posts", fmt_value("int", row["sponsored_posts"], cur)),
            ("Organic mentions", fmt_value("int", row["organic_posts"], cur))]


ROSTER_FMT = {"Month": "int", "Fulfilment": "pct", "ROI": "pct", "Trend": "pp"}


def roster_table(parts):
    return pd.DataFrame({
        "Creator": parts["creator"], "Market": parts["market"],
        "Model": parts["model"].map(MODEL_LABEL), "Phase": parts["phase"].fillna(""),
        "Month": parts["month"], "Fulfilment": parts["fulfilment"], "ROI": parts["roi"],
        "Trend": parts["engagement_trend"],
        "Recommendation": parts["recommendation"].fillna("").str.replace("_", " ")})


def headline_table(ebn):
    wide = ebn.pivot_table(index="post_number", columns="model",
                           values=["mean_engagement_rate", "n", "lift"], aggfunc="first")
    out = pd.DataFrame(index=wide.index)
    for m in ["retainer", "one_off"]:
        label = MODEL_LABEL[m]
        out[f"{label}, ER"] = wide.get(("mean_engagement_rate", m))
        out[f"{label}, n"] = wide.get(("n", m))
        out[f"{label}, lift"] = wide.get(("lift", m))
    return out.rename_axis("Post no.").reset_index()


HEADLINE_FMT = {"Post no.": "int", "Retainers, ER": "pct", "Retainers, n": "int", "Retainers, lift": "pct",
                "One-offs, ER": "pct", "One-offs, n": "int", "One-offs, lift": "pct"}


def headline_chart(ebn, title):
    fig, ax = plt.subplots(figsize=(7, 3))
    for m, g in ebn.groupby("model"):
        ax.plot(g["post_number"], g["mean_engagement_rate"] * 100, marker="o", ms=3, label=MODEL_LABEL[m])
    ax.set_xlabel("Post number")
    ax.set_ylabel("Mean engagement rate, %")
    ax.set_title(title)
    ax.legend(frameon=False)
    return fig


def creator_roi_chart(parts, title):
    s = parts.set_index("creator")["roi"].dropna().sort_values()
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.18 * len(s) + 0.8)))
    ax.barh(s.index, s.to_numpy() * 100, color=np.where(s.to_numpy() >= 0, "#2f8a5d", "#c0392b"))
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_xlabel("ROI, %")
    ax.set_title(title)
    ax.tick_params(axis="y", labelsize=7)
    fig.subplots_adjust(left=0.25, bottom=min(0.4, 0.6 / fig.get_figheight()))
    return fig


def render_client(site, data, a, settings, agency):
    client = data["client"]
    cur = client["currency"]
    parts, posts, ledger, spent = a["parts"], a["posts"], a["ledger"], a["spent"]
    months, monthly = a["months"], a["monthly"]
    latest = months[-1]
    market_names = {m["id"]: m["name"] for m in client["markets"]}
    common = {"client": client, "as_of": a["as_of"].date().isoformat(), "agency": agency,
              "latest": latest, "denominator": settings["engagement_denominator"],
              "window": settings["repeat_window_days"]}

    if client.get("brand", {}) and client["brand"].get("logo"):
        logo = client["folder"] / client["brand"]["logo"]
        if logo.is_file():
            dest = site.path(client["brand"]["logo"])
            shutil.copyfile(logo, dest)
            site.files += 1
            client["logo"] = client["brand"]["logo"]
    site.text("style.css", CSS)

    # ---------------- overview
    t, c = {}, {}
    ebn = a["ebn"]
    t["headline"] = site.table("", "headline", "Engagement by post number", headline_table(ebn), HEADLINE_FMT, cur)
    c["headline"] = site.chart("", "headline", headline_chart(ebn, "Engagement by post number"),
                               "Engagement by post number",
                               "Mean engagement rate of the k-th sponsored post, per model.")
    lift = ebn[ebn["post_number"] > 1][["model", "post_number", "lift", "n", "paired_lift", "n_pairs",
                                         "lift_low", "lift_high"]].copy()
    lift["model"] = lift["model"].map(MODEL_LABEL)
    lift.columns = ["Model", "Post no.", "Lift (all posts)", "n", "Paired lift", "Pairs", "Low", "High"]
    t["lift"] = site.table("", "lift-table", "Lift by post number", lift,
                           {"Post no.": "int", "Lift (all posts)": "pct", "n": "int", "Paired lift": "pct",
                            "Pairs": "int", "Low": "pct", "High": "pct"}, cur)
    fig, ax = plt.subplots(figsize=(7, 3))
    for m, g in ebn[ebn["post_number"] > 1].groupby("model"):
        g = g.dropna(subset=["paired_lift"])
        y = g["paired_lift"].astype(float) * 100
        lo = (g["paired_lift"] - g["lift_low"]).astype(float).fillna(0) * 100
        hi = (g["lift_high"] - g["paired_lift"]).astype(float).fillna(0) * 100
        ax.errorbar(g["post_number"], y, yerr=[lo, hi], fmt="o", ms=3, capsize=2, label=MODEL_LABEL[m])
    ax.axhline(0, color="#333", lw=0.8)
    ax.set_xlabel("Post number")
    ax.set_ylabel("Paired lift over post 1, %")
    ax.set_title("How sure: the lift by post number")
    ax.legend(frameon=False)
    c["lift"] = site.chart("", "lift", fig, "How sure: the lift by post number",
                           "Paired lift at each post number with its 95% bootstrap interval.")

    mk = a["markets"]
    mroi = pd.DataFrame({"Market": mk["name"], "ROI": mk["roi"]})
    t["market_roi"] = site.table("", "market-roi", "ROI per market", mroi, {"ROI": "pct"}, cur)
    fig, ax = plt.subplots(figsize=(7, 2.5))
    ax.bar(mroi["Market"], mroi["ROI"].fillna(0) * 100, color="#2f5d8a")
    ax.set_ylabel("ROI, %")
    ax.set_title("ROI per market")
    c["market_roi"] = site.chart("", "market-roi", fig, "ROI per market", "Portfolio ROI of each market.")

    croi = parts[["creator", "roi"]].rename(columns={"creator": "Creator", "roi": "ROI"})
    t["creator_roi"] = site.table("", "creator-roi", "Creator-level ROI", croi, {"ROI": "pct"}, cur)
    c["creator_roi"] = site.chart("", "creator-roi", creator_roi_chart(parts, "Creator-level ROI"),
                                  "Creator-level ROI", "ROI of each partnership, sorted.")
    cr = a["portfolio"]["creator_roi"]
    t["creator_roi_summary"] = site.table(
        "", "creator-roi-summary", "The distribution",
        pd.DataFrame({"Figure": ["n", "Minimum", "Lower quartile", "Median", "Upper quartile", "Maximum",
                                 "Best", "Worst"],
                      "ROI": [str(cr["n"])] + [fmt_value("pct", cr[k], cur) for k in
                                               ("min", "q1", "median", "q3", "max")] + [cr["best"], cr["worst"]]}),
        {}, cur)

    mt = pd.DataFrame({"Market": mk["name"], "Cost": mk["cost"], "Revenue": mk["revenue"], "ROI": mk["roi"],
                       "ROAS": mk["roas"], "CPA": mk["cpa"], "Engagement rate": mk["engagement_rate"],
                       "Repeat purchase rate": mk["repeat_purchase_rate"],
                       "Sponsored posts": mk["sponsored_posts"]})
    mfmt = {"Cost": "money", "Revenue": "money", "ROI": "pct", "ROAS": "x", "CPA": "money",
            "Engagement rate": "pct", "Repeat purchase rate": "pct", "Sponsored posts": "int"}
    t["markets"] = site.table("", "markets", "Markets", mt, mfmt, cur,
                              link_col=[f"markets/{m}/index.html" for m in mk.index])

    md = a["models"]
    fig_rows = [("Cost", "cost", "money"), ("Revenue", "revenue", "money"), ("ROI", "roi", "pct"),
                ("ROAS", "roas", "x"), ("CPA", "cpa", "money"), ("Engagement rate", "engagement_rate", "pct"),
                ("Repeat purchase rate", "repeat_purchase_rate", "pct"), ("Conversions", "conversions", "int"),
                ("Reach", "reach", "int"), ("Sponsored posts", "sponsored_posts", "int"),
                ("Organic mentions", "organic_posts", "int"),
                ("Cost per 1,000 reached", "cost_per_thousand_reached", "money"),
                ("Paid back", "paid_back", "int")]
    models_tab = pd.DataFrame({"Figure": [f[0] for f in fig_rows]})
    for m in MODELS:
        models_tab[MODEL_LABEL[m]] = [fmt_value(k, md.loc[m, col], cur) if m in md.index else "n/a"
                                      for _, col, k in fig_rows]
    t["models"] = site.table("", "models", "One-offs and retainers", models_tab, {}, cur)
    all_cols = [c_ for c_ in md.columns]
    models_all = md[all_cols].T.rename_axis("Figure").reset_index()
    models_all.columns = ["Figure"] + [MODEL_LABEL[m] for m in md.index]
    t["models_all"] = site.table("", "models-all", "Every figure per model", models_all,
                                 {MODEL_LABEL[m]: "num" for m in md.index}, cur)

    decay = a["decay"]
    dec_wide = decay.pivot_table(index="day", columns="model", values=["engagement_rate", "n"], aggfunc="first")
    dec = pd.DataFrame(index=dec_wide.index)
    for m in ["retainer", "one_off"]:
        dec[f"{MODEL_LABEL[m]}: engagement rate"] = dec_wide.get(("engagement_rate", m))
        dec[f"{MODEL_LABEL[m]}: n"] = dec_wide.get(("n", m))
    dec = dec.rename_axis("Day").reset_index()
    t["decay"] = site.table("", "decay", "Engagement by day after publication", dec,
                            {c_: ("pct" if "rate" in c_ else "int") for c_ in dec.columns if c_ != "Day"}, cur)
    fig, ax = plt.subplots(figsize=(7, 3))
    for m, g in decay.groupby("model"):
        ax.plot(g["day"], g["engagement_rate"] * 100, marker="o", ms=3, label=MODEL_LABEL[m])
    ax.set_xlabel("Day after publication")
    ax.set_ylabel("Engagement rate, %")
    ax.set_title("Engagement by day after publication")
    ax.legend(frameon=False)
    c["decay"] = site.chart("", "decay", fig, "Engagement by day after publication",
                            "Engagements on day d over reach on day d, per model.")
    win = decay.pivot_table(index="day", columns="model", values="share", aggfunc="first")
    win = win.rename(columns={m: f"{MODEL_LABEL[m]}: cumulative share" for m in win.columns})
    win = win.rename_axis("Day").reset_index()
    win.columns.name = None
    t["window"] = site.table("", "conversion-window", "Share of conversions by day", win,
                             {c_: "pct" for c_ in win.columns if c_ != "Day"}, cur)
    fig, ax = plt.subplots(figsize=(7, 3))
    for m, g in decay.groupby("model"):
        ax.step(g["day"], g["share"] * 100, where="post", label=MODEL_LABEL[m])
    ax.axhline(90, color="#999", lw=0.8, ls="--")
    ax.set_xlabel("Day after publication")
    ax.set_ylabel("Cumulative share of conversions, %")
    ax.set_title("Share of conversions by day")
    ax.legend(frameon=False)
    c["window"] = site.chart("", "conversion-window", fig, "Share of conversions by day",
                             "Cumulative share of a model's daily conversions by day.")

    t["roster"] = site.table("", "roster", "Every partnership", roster_table(parts), ROSTER_FMT, cur,
                             link_col=[f"partnerships/{p}/index.html" for p in parts["id"]])
    ren = a["renewals"]
    soon = ren[ren["days_left"] <= 30]
    renew_tab = None
    if len(soon):
        renew_tab = site.table("", "renewals-soon", "Renewals due within 30 days",
                               pd.DataFrame({"Creator": soon["creator"], "End": soon["end"],
                                             "Days left": soon["days_left"], "Monthly fee": soon["monthly_fee"],
                                             "Recommendation": soon["recommendation"]}),
                               {"End": "date", "Days left": "int", "Monthly fee": "money"}, cur)
    pf = a["portfolio"]
    ahead_cards = [("Committed", fmt_value("money", pf["committed"], cur)),
                   ("Monthly run-rate", fmt_value("money", pf["monthly_run_rate"], cur)),
                   ("Annual run-rate", fmt_value("money", pf["annual_run_rate"], cur)),
                   ("Open-ended monthly", fmt_value("money", pf["open_ended_monthly"], cur))]
    headline_cards = cards_for(pf, cur) + [("Repeat purchase rate", fmt_value("pct", pf["repeat_purchase_rate"], cur))]
    site.page("index.html", "overview.html", root="", title="Overview", headline=headline_cards,
              ahead=ahead_cards, renewals=renew_tab, charts=c, tables=t,
              latest_label=month_label(latest), latest_cards=cards_for(monthly.loc[latest], cur),
              months=[(m, month_label(m)) for m in months],
              partnerships=parts.to_dict("records"),
              markets=[{"id": m, "name": market_names[m]} for m in mk.index], **common)

    # ---------------- partnerships
    daily = a["daily"]
    daily_by = dict(tuple(daily.groupby("partnership")))
    posts_by = dict(tuple(posts.groupby("partnership")))
    ledger_by = dict(tuple(spent.groupby("pid")))
    for _, p in parts.iterrows():
        pid = p["id"]
        rel = f"partnerships/{pid}"
        pp = posts_by.get(pid, posts.iloc[0:0])
        t, c = {}, {}
        if p["model"] == "retainer":
            spans = [("build", 1, 1), ("optimize", 2, 4), ("scale", 5, 6), ("continuation", 7, None)]
            rows = []
            for name, lo, hi in spans:
                if lo > p["month"]:
                    break
                hi_eff = min(hi or p["month"], p["month"])
                frm = p["start"] + pd.DateOffset(months=lo - 1)
                to = min(p["start"] + pd.DateOffset(months=hi_eff) - pd.Timedelta(days=1),
                         min(a["as_of"], p["end"]) if pd.notna(p["end"]) else a["as_of"])
                rows.append({"Phase": name, "Months": f"{lo}–{hi_eff}" if hi_eff > lo else str(lo),
                             "From": frm, "To": to})
            t["phases"] = site.table(rel, "phases", "Phases", pd.DataFrame(rows), {"From": "date", "To": "date"}, cur)
        spp = pp[pp["post_number"].notna()]
        eng = pd.DataFrame({"Post number": spp["post_number"], "Date": spp["date"],
                            "Engagement rate": spp["rate"], "Ramp-up": np.where(spp["ramp_up"], "yes", "")})
        t["engagement"] = site.table(rel, "engagement", "Engagement per post", eng,
                                     {"Post number": "int", "Date": "date", "Engagement rate": "pct"}, cur)
        fig, ax = plt.subplots(figsize=(7, 3))
        ax.plot(spp["post_number"], spp["rate"] * 100, marker="o", ms=3, color="#2f5d8a")
        ramp = spp[spp["ramp_up"]]
        if len(ramp):
            ax.axvspan(ramp["post_number"].min() - 0.5, ramp["post_number"].max() + 0.5, color="#eee", zorder=0)
        ax.set_xlabel("Post number")
        ax.set_ylabel("Engagement rate, %")
        ax.set_title("Engagement per post")
        c["engagement"] = site.chart(rel, "engagement", fig, "Engagement per post",
                                     "Engagement rate of each sponsored post by post number; ramp-up shaded.")

        dp = daily_by.get(pid, daily.iloc[0:0])
        by_day = dp.groupby("dated")[["impressions", "reach", "engagements", "clicks", "conversions"]].sum()
        by_day = by_day.rename_axis("Date").reset_index()
        t["daily"] = site.table(rel, "daily", "Day by day (all sponsored posts)", by_day,
                                {"Date": "date", "impressions": "int", "reach": "int", "engagements": "int",
                                 "clicks": "int", "conversions": "int"}, cur)
        fig, ax = plt.subplots(figsize=(7, 3))
        ax.plot(by_day["Date"], by_day["reach"], lw=1, label="Reach")
        ax.plot(by_day["Date"], by_day["engagements"], lw=1, label="Engagements")
        ax2 = ax.twinx()
        ax2.fill_between(by_day["Date"], by_day["conversions"], step="mid", color="#f39c12", alpha=0.3,
                         label="Conversions")
        ax2.set_ylabel("Conversions")
        ax.set_ylabel("Per day")
        ax.set_title("Day by day")
        ax.legend(frameon=False, loc="upper left")
        fig.autofmt_xdate()
        fig.subplots_adjust(left=0.12, right=0.9)
        c["daily"] = site.chart(rel, "daily", fig, "Day by day",
                                "Reach, engagements and conversions per calendar day over the partnership's posts.")

        ptab = pd.DataFrame({"Post number": pp["post_number"], "Date": pp["date"], "Kind": pp["kind"],
                             "Impressions": pp["impressions"], "Reach": pp["reach"],
                             "Engagements": pp["engagements"], "Engagement rate": pp["rate"],
                             "Clicks": pp["clicks"], "Conversions": pp["conversions"],
                             "Revenue": pp["revenue_cc"], "Link": pp["url"]})
        t["posts"] = site.table(rel, "posts", "Posts", ptab,
                                {"Post number": "int", "Date": "date", "Impressions": "int", "Reach": "int",
                                 "Engagements": "int", "Engagement rate": "pct", "Clicks": "int",
                                 "Conversions": "int", "Revenue": "money"}, cur)
        led = ledger_by.get(pid, spent.iloc[0:0])
        costs = led.pivot_table(index="month", columns="kind", values="amount_cc", aggfunc="sum").reindex(
            columns=["fee", "extra"]).fillna(0)
        costs["total"] = costs.sum(axis=1)
        costs = costs.rename_axis("Month").reset_index().rename(
            columns={"fee": "Fee", "extra": "Extra", "total": "Total"})
        costs.columns.name = None
        t["costs"] = site.table(rel, "costs", "Costs by month", costs,
                                {"Fee": "money", "Extra": "money", "Total": "money"}, cur)
        ex = led[led["kind"] == "extra"]
        if len(ex):
            t["extra"] = site.table(rel, "extra-costs", "Extra costs",
                                    pd.DataFrame({"Date": ex["date"], "What for": ex["what"],
                                                  "Amount": ex["amount"].map(lambda v: f"{v:,.2f}") + " " + ex["currency"],
                                                  "In report currency": ex["amount_cc"]}),
                                    {"Date": "date", "In report currency": "money"}, cur)
        fee = f"{p['fee_amount']:,.2f} {p['fee_currency']}" + (" per month" if p["model"] == "retainer" else "")
        facts = [("Platform", p["platform"]), ("Market", market_names.get(p["market"], p["market"])),
                 ("Model", MODEL_LABEL[p["model"]]), ("Fee", fee),
                 ("Term", f"{p['start'].date()} – {p['end'].date() if pd.notna(p['end']) else 'open-ended'}"),
                 ("Contract", " · ".join(x for x in [p["contract_type"], p["contract_ref"]] if isinstance(x, str)))]
        figures = cards_for(p, cur) + [
            ("Repeat purchase rate", fmt_value("pct", p["repeat_purchase_rate"], cur)),
            ("Engagement trend", fmt_value("pp", p["engagement_trend"], cur)),
            ("Fulfilment", fmt_value("pct", p["fulfilment"], cur)),
            ("Committed", fmt_value("money", p["committed"], cur)),
            ("Payback", "n/a" if pd.isna(p["payback_day"]) else f"day {int(p['payback_day'])}")]
        note = data["notes"].get(pid)
        site.page(f"{rel}/index.html", "partnership.html", root="../../", title=p["creator"], p=p,
                  market_name=market_names.get(p["market"]), facts=facts, figures=figures, charts=c, tables=t,
                  note=markdown.markdown(note, extensions=["tables", "footnotes"]) if note else None, **common)

    # ---------------- monthly reports
    creators_month = spent.groupby(["month", "pid"])["amount_cc"].sum()
    fee_frac = spent[spent["kind"] == "fee"].groupby(["month", "pid"])["frac"].sum()
    posts_month = dict(tuple(posts.groupby("month")))
    month_rows = [("Cost", "cost", "money"), ("Revenue", "revenue", "money"), ("ROI", "roi", "pct"),
                  ("ROAS", "roas", "x"), ("Conversions", "conversions", "int"), ("CPA", "cpa", "money"),
                  ("Reach", "reach", "int"), ("Engagements", "engagements", "int"),
                  ("Engagement rate", "engagement_rate", "pct"),
                  ("Cost per 1,000 reached", "cost_per_thousand_reached", "money"),
                  ("Sponsored posts", "sponsored_posts", "int"), ("Organic mentions", "organic_posts", "int")]
    parts_idx = parts.set_index("id")
    for i, m in enumerate(months):
        rel = f"reports/{m}"
        t, c = {}, {}
        cur_row = monthly.loc[m]
        prev = months[i - 1] if i else None
        prev_row = monthly.loc[prev] if prev else None
        mt = pd.DataFrame({"Figure": [r[0] for r in month_rows],
                           month_label(m): [cur_row[r[1]] for r in month_rows],
                           month_label(prev) if prev else "Month before": [prev_row[r[1]] if prev else np.nan
                                                                           for r in month_rows]})
        mt["Change"] = mt.iloc[:, 1] - mt.iloc[:, 2]
        disp = mt.astype(object)
        for j, (_, _, k) in enumerate(month_rows):
            for col in disp.columns[1:]:
                disp.loc[j, col] = fmt_value("pp" if (k == "pct" and col == "Change") else k, mt.loc[j, col], cur)
        t["month"] = site.table(rel, "month", "The month against the month before", mt, {}, cur)
        t["month"]["rows"] = disp.values.tolist()

        pm = posts_month.get(m, posts.iloc[0:0])
        per = pm.groupby("partnership").agg(conversions=("conversions", "sum"), revenue=("revenue_cc", "sum"),
                                            delivered=("kind", lambda k: (k == "sponsored").sum()))
        cm = creators_month.xs(m, level="month") if m in creators_month.index.get_level_values(0) else pd.Series(dtype=float)
        ff = fee_frac.xs(m, level="month") if m in fee_frac.index.get_level_values(0) else pd.Series(dtype=float)
        per = per.join(cm.rename("cost"), how="outer").fillna({"cost": 0, "conversions": 0, "revenue": 0, "delivered": 0})
        per["contracted"] = parts_idx["sppm"].reindex(per.index) * ff.reindex(per.index).fillna(0)
        per["roi"] = (per["revenue"] - per["cost"]) / per["cost"].where(per["cost"] > 0)
        per = per.join(parts_idx["creator"]).sort_index()
        ctab = pd.DataFrame({"Creator": per["creator"], "Cost": per["cost"],
                             "Posts: delivered / contracted": [
                                 f"{int(d)} / {cn:.1f}" if pd.notna(cn) else f"{int(d)}"
                                 for d, cn in zip(per["delivered"], per["contracted"])],
                             "Conversions": per["conversions"], "Revenue": per["revenue"], "ROI": per["roi"]})
        t["creators"] = site.table(rel, "creators", "The month per creator", ctab,
                                   {"Cost": "money", "Conversions": "int", "Revenue": "money", "ROI": "pct"}, cur)
        pm = pm.sort_values(["instant", "post_id"])
        ptab = pd.DataFrame({"Date": pm["date"], "Creator": pm["creator"], "Platform": pm["platform"],
                             "Kind": pm["kind"], "Post number": pm["post_number"], "Reach": pm["reach"],
                             "Engagements": pm["engagements"], "Engagement rate": pm["rate"],
                             "Clicks": pm["clicks"], "Conversions": pm["conversions"],
                             "Revenue": pm["revenue_cc"], "Link": pm["url"]})
        t["posts"] = site.table(rel, "posts", "Posts of the month", ptab,
                                {"Date": "date", "Post number": "int", "Reach": "int", "Engagements": "int",
                                 "Engagement rate": "pct", "Clicks": "int", "Conversions": "int",
                                 "Revenue": "money"}, cur)
        upto = monthly.loc[months[: i + 1]][["cost", "revenue", "roi"]].rename_axis("Month").reset_index()
        upto.columns = ["Month", "Cost", "Revenue", "ROI"]
        t["trend"] = site.table(rel, "trend", "Cost and revenue by month", upto,
                                {"Cost": "money", "Revenue": "money", "ROI": "pct"}, cur)
        fig, ax = plt.subplots(figsize=(7, 3))
        x = np.arange(len(upto))
        ax.bar(x - 0.2, upto["Cost"], width=0.4, label="Cost", color="#c0392b")
        ax.bar(x + 0.2, upto["Revenue"], width=0.4, label="Revenue", color="#2f8a5d")
        ax.set_xticks(x, upto["Month"], rotation=45, ha="right")
        ax.set_ylabel(cur)
        ax.set_title("Cost and revenue by month")
        ax.legend(frameon=False)
        c["trend"] = site.chart(rel, "trend", fig, "Cost and revenue by month",
                                f"Cost and revenue per month through {month_label(m)}.")
        note = data["notes"].get(m)
        site.page(f"{rel}/index.html", "month.html", root="../../", title=month_label(m), label=month_label(m),
                  prev=prev, next=months[i + 1] if i + 1 < len(months) else None,
                  figures=cards_for(cur_row, cur), charts=c, tables=t,
                  note=markdown.markdown(note, extensions=["tables", "footnotes"]) if note else None, **common)

    # ---------------- markets
    for mid, row in mk.iterrows():
        rel = f"markets/{mid}"
        t, c = {}, {}
        mp = parts[parts["market"] == mid]
        t["partnerships"] = site.table(rel, "partnerships", "Partnerships", roster_table(mp), ROSTER_FMT, cur,
                                       link_col=[f"../../partnerships/{p}/index.html" for p in mp["id"]])
        mpost = posts[(posts["market"] == mid) & posts["post_number"].notna()]
        mebn = mpost.groupby(["model", "post_number"])["rate"].agg(mean_engagement_rate="mean", n="count").reset_index()
        first = mebn[mebn["post_number"] == 1].set_index("model")["mean_engagement_rate"]
        mebn["lift"] = mebn["mean_engagement_rate"] / mebn["model"].map(first).replace(0, np.nan) - 1
        t["headline"] = site.table(rel, "headline", "Engagement by post number", headline_table(mebn),
                                   HEADLINE_FMT, cur)
        c["headline"] = site.chart(rel, "headline", headline_chart(mebn, "Engagement by post number in this market"),
                                   "Engagement by post number in this market",
                                   "Mean engagement rate of the k-th sponsored post in this market, per model.")
        t["creator_roi"] = site.table(rel, "creator-roi", "Creator-level ROI",
                                      mp[["creator", "roi"]].rename(columns={"creator": "Creator", "roi": "ROI"}),
                                      {"ROI": "pct"}, cur)
        c["creator_roi"] = site.chart(rel, "creator-roi", creator_roi_chart(mp, "Creator-level ROI"),
                                      "Creator-level ROI", "ROI of each partnership in this market, sorted.")
        site.page(f"{rel}/index.html", "market.html", root="../../", title=row["name"], name=row["name"],
                  figures=cards_for(row, cur) + [("Repeat purchase rate",
                                                  fmt_value("pct", row["repeat_purchase_rate"], cur))],
                  charts=c, tables=t, **common)

    # ---------------- commitments
    rel = "commitments"
    t, c = {}, {}
    by_market = spent.merge(parts[["id", "market"]], left_on="pid", right_on="id").pivot_table(
        index="month", columns="market", values="amount_cc", aggfunc="sum").fillna(0)
    by_market = by_market.rename(columns=market_names)
    cbm = a["committed_by_month"]
    all_months = sorted(set(by_market.index) | set(cbm.index))
    cost_by_month = by_market.reindex(all_months).fillna(0)
    cost_by_month["Spent"] = cost_by_month.sum(axis=1)
    cost_by_month["Committed"] = cbm.reindex(all_months).fillna(0) if len(cbm) else 0.0
    cost_by_month["Total"] = cost_by_month["Spent"] + cost_by_month["Committed"]
    cost_by_month = cost_by_month.rename_axis("Month").reset_index()
    cost_by_month.columns.name = None
    t["cost_by_month"] = site.table(rel, "cost-by-month", "Cost by month", cost_by_month,
                                    {c_: "money" for c_ in cost_by_month.columns if c_ != "Month"}, cur)
    fig, ax = plt.subplots(figsize=(7, 3))
    x = np.arange(len(cost_by_month))
    ax.bar(x, cost_by_month["Spent"], label="Spent", color="#2f5d8a")
    ax.bar(x, cost_by_month["Committed"], bottom=cost_by_month["Spent"], label="Committed", color="#9bb7d4")
    ax.set_xticks(x, cost_by_month["Month"], rotation=45, ha="right", fontsize=7)
    ax.set_ylabel(cur)
    ax.set_title("Cost by month: spent and committed")
    ax.legend(frameon=False)
    c["cost_by_month"] = site.chart(rel, "cost-by-month", fig, "Cost by month: spent and committed",
                                    "Cost booked per month to date and committed after it.")
    t["markets"] = site.table(rel, "markets-ahead", "Markets",
                              pd.DataFrame({"Market": mk["name"], "Monthly run-rate": mk["monthly_run_rate"],
                                            "Committed": mk["committed"]}),
                              {"Monthly run-rate": "money", "Committed": "money"}, cur)
    if a["budgets"]:
        b = pd.DataFrame(a["budgets"])
        t["budgets"] = site.table(rel, "budgets", "Budgets", b,
                                  {k: "money" for k in ("amount", "spent", "committed", "projected", "remaining")}
                                  | {"elapsed": "pct", "pacing": "pct"}, cur)
    if len(ren):
        t["renewals"] = site.table(rel, "renewals", "Renewals within 90 days",
                                   pd.DataFrame({"Creator": ren["creator"],
                                                 "Contract": ren["contract_type"].fillna("") + " " + ren["contract_ref"].fillna(""),
                                                 "End": ren["end"], "Days left": ren["days_left"],
                                                 "Monthly fee": ren["monthly_fee"],
                                                 "Recommendation": ren["recommendation"], "Why": ren["why"]}),
                                   {"End": "date", "Days left": "int", "Monthly fee": "money"}, cur)
    cm = parts[parts["committed"] > 0]
    t["committed"] = site.table(rel, "committed", "Committed by partnership",
                                pd.DataFrame({"Creator": cm["creator"], "Market": cm["market"],
                                              "Model": cm["model"].map(MODEL_LABEL),
                                              "Contract": cm["contract_ref"], "End": cm["end"],
                                              "Monthly fee": cm["monthly_fee"], "Committed": cm["committed"]}),
                                {"End": "date", "Monthly fee": "money", "Committed": "money"}, cur)
    site.page(f"{rel}/index.html", "commitments.html", root="../", title="Commitments",
              figures=[("Committed", fmt_value("money", pf["committed"], cur)),
                       ("Monthly run-rate", fmt_value("money", pf["monthly_run_rate"], cur)),
                       ("Annual run-rate", fmt_value("money", pf["annual_run_rate"], cur)),
                       ("Open-ended monthly", fmt_value("money", pf["open_ended_monthly"], cur)),
                       ("Trailing 12 months", fmt_value("money", pf["trailing_12m_cost"], cur))],
              charts=c, tables=t, **common)

    # ---------------- data.json, sitemap
    client["promo"] = {r["id"]: r["promo_codes"] for r in data["parts"].to_dict("records")}
    site.text("data.json", json.dumps(data_json(client, a), ensure_ascii=False, indent=1))
    base_url = (settings.get("base_url") or "").rstrip("/")
    if base_url:
        pages = ["", "commitments/"] + [f"partnerships/{p}/" for p in parts["id"]] + \
                [f"reports/{m}/" for m in months] + [f"markets/{m}/" for m in mk.index]
        site.text("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
                  "".join(f"<url><loc>{base_url}/{client['id']}/{u}</loc></url>\n" for u in pages) +
                  "</urlset>\n")


# --------------------------------------------------------------------------- main

def main(argv):
    if len(argv) != 3:
        print("usage: report.py PORTFOLIO OUTDIR", file=sys.stderr)
        return 2
    started = time.perf_counter()
    portfolio, out = Path(argv[1]), Path(argv[2])
    roster = read_yaml(portfolio / "roster.yaml")
    fx = FX(roster.get("fx"))

    clients = []
    for folder in sorted((portfolio / "clients").iterdir()):
        if (folder / "client.yaml").is_file():
            data = load_client(folder, roster)
            if data["client"].get("publish", True):
                clients.append(data)

    as_of = roster.get("as_of")
    if as_of is None:
        dates = [d for c in clients for d in (c["posts"]["date"].max(), c["orders"]["date"].max()) if pd.notna(d)]
        as_of = max(dates)
    settings = {
        "as_of": pd.Timestamp(as_of),
        "engagement_denominator": roster.get("engagement_denominator", "reach"),
        "ramp_up_days": int(roster.get("ramp_up_days", 42)),
        "repeat_window_days": int(roster.get("repeat_window_days", 90)),
        "base_url": roster.get("base_url"),
    }

    out.mkdir(parents=True, exist_ok=True)
    pages = files = 0
    for data in clients:
        a = analyse(data, settings, fx)
        site = Site(out / data["client"]["id"])
        render_client(site, data, a, settings, roster.get("title", ""))
        pages += site.pages
        files += site.files

    if roster.get("index", False):
        (out / "index.html").write_text(env.get_template("index.html").render(
            title=roster.get("title", ""), clients=[c["client"] for c in clients]), encoding="utf-8")
        (out / "style.css").write_text(CSS, encoding="utf-8")
        pages += 1
        files += 2

    print(f"{len(clients)} clients, {pages} pages, {files} files written to {out} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
