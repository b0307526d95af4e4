"""The audit programme's fair sample: random, spread over categories and workers, leaving recent audits out."""
import random
from collections import Counter

from .models import CaseFileAudit
from .selectors import auditable_children


def fair_sample(children, size, seed):
    """Pick up to `size` children, each pick from the least-sampled category, then the least-sampled worker.

    Ties are broken at random; the same children and seed give the same sample.
    """
    rng = random.Random(seed)  # nosec B311: a repeatable audit sample, not a secret
    pool = sorted(children, key=lambda child: child.pk)
    rng.shuffle(pool)
    categories, workers = Counter(), Counter()
    chosen = []
    while pool and len(chosen) < size:
        # min() keeps the first of equals, and the pool is shuffled: a fair tie-break.
        pick = min(pool, key=lambda child: (categories[child.category], workers[child.worker_id]))
        pool.remove(pick)
        categories[pick.category] += 1
        workers[pick.worker_id] += 1
        chosen.append(pick)
    return chosen


def eligible(children, programme, as_of):
    """Open children not audited in the programme's exclusion window before `as_of`."""
    recent = CaseFileAudit.objects.audits().filter(
        audited_on__gte=programme.excluded_since(as_of), audited_on__lt=as_of
    ).values("child")
    return children.open().exclude(pk__in=recent)


def monthly_sample(user, programme, today, draw=1):
    """This month's suggested files for `user`: stable through the month, so audits done tick off, not reshuffle."""
    month_start = today.replace(day=1)
    pool = eligible(auditable_children(user), programme, month_start).only("pk", "category", "worker_id")
    seed = f"{user.pk}:{month_start.isoformat()}:{draw}"
    picked = [child.pk for child in fair_sample(pool, programme.monthly_audits_per_manager, seed)]
    children = auditable_children(user).filter(pk__in=picked).select_related("team", "worker")
    return sorted(children, key=lambda child: picked.index(child.pk))
