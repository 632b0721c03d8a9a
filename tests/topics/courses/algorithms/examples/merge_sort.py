# Merge sort, checked against Python's sorted() on random lists.
# Topics: merge sort, divide and conquer, recursion
from __future__ import annotations

import random


def merge(left: list[int], right: list[int]) -> list[int]:
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]


def merge_sort(items: list[int]) -> list[int]:
    if len(items) <= 1:
        return items
    middle = len(items) // 2
    return merge(merge_sort(items[:middle]), merge_sort(items[middle:]))


def main() -> None:
    rng = random.Random(0)
    for size in (0, 1, 2, 7, 100):
        items = [rng.randint(0, 50) for _ in range(size)]
        assert merge_sort(items) == sorted(items)
    print("merge_sort agrees with sorted() on 5 random lists")


if __name__ == "__main__":
    main()
