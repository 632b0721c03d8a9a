"""Every example's claim, asserted on the values its functions return (not by parsing what it prints)."""

from __future__ import annotations

import numpy as np
import pytest


def test_backprop_matches_finite_differences_and_solves_xor(load_example):
    ex = load_example("backprop_xor")
    assert ex.gradient_check(ex.init_params(seed=0)) < 1e-6
    # the oracle is sharp enough to catch a 1 % error in a single weight's gradient
    params = ex.init_params(seed=0)
    exact, numeric = ex.backprop(params), ex.finite_difference(params)
    exact["u"][0, 0] *= 1.01
    assert not np.allclose(exact["u"], numeric["u"], rtol=1e-3, atol=0)
    trained, errors = ex.train()
    _, y = ex.forward(trained, ex.X)
    assert np.array_equal(y > 0.5, ex.Y_STAR > 0.5)
    assert errors[-1] < errors[0] / 100


def test_autodiff_engine_agrees_with_finite_differences(load_example):
    ex = load_example("autodiff_engine")
    autodiff, numeric, nodes = ex.check()
    assert np.allclose(autodiff, numeric, atol=1e-7)
    assert nodes > 5
    # a node used twice accumulates both paths: d(x·x + x)/dx = 2x + 1
    x = ex.Node(3.0)
    (x * x + x).backward()
    assert x.grad == pytest.approx(7.0)


def test_sgd_gradient_is_d_dimensional_whatever_the_batch_size(load_example):
    ex = load_example("sgd_minibatch")
    assert set(ex.gradient_shapes((ex.N, 8, 1)).values()) == {(ex.D,)}
    a, b, c = ex.make_data()
    f_star = ex.f(ex.optimum(a, b), a, b, c)
    theta_full, history_full, touched_full = ex.descend(ex.N)
    theta_sgd, history_sgd, touched_sgd = ex.descend(8)
    assert history_full[-1] - f_star < 1e-6
    assert history_sgd[-1] - f_star < 0.05 * (history_sgd[0] - f_star)
    assert touched_sgd * 100 < touched_full


def test_learning_rate_too_small_right_too_large(load_example):
    ex = load_example("learning_rate")
    small, right, large = (ex.gradient_descent(lr) for lr in (0.01, 0.3, 1.05))
    assert large[-1] > 1000 * large[0]  # the diverging rate diverges
    assert right[-1] < 1e-20
    assert 0.1 < small[-1] < small[0]  # still crawling after 40 steps


def test_adam_beats_momentum_beats_sgd_on_the_valley(load_example):
    ex = load_example("optimizers")
    losses = ex.final_losses()
    assert losses["Adam"] < losses["momentum"] < losses["SGD"]
    assert losses["Adam"] < losses["SGD"] / 50
    wins = sum(np.mean(ex.run("Adam", seed=s)[-20:]) < np.mean(ex.run("SGD", seed=s)[-20:]) for s in range(5))
    assert wins == 5


def test_decaying_learning_rate_ends_closer_than_constant(load_example):
    ex = load_example("lr_schedule")
    distances = ex.final_distances()
    constant = distances.pop("constant")
    assert all(d < constant / 5 for d in distances.values())


def test_random_search_beats_grid_when_one_hyperparameter_matters(load_example):
    ex = load_example("hyperparameter_search")
    grid, rand = ex.grid_search(), ex.random_search()
    assert len({round(t[0], 9) for t in grid}) == 3 and len({round(t[0], 9) for t in rand}) == 9
    assert ex.best(rand)[2] < ex.best(grid)[2]
    wins = sum(ex.best(ex.random_search(seed=s))[2] < ex.best(grid)[2] for s in range(20))
    assert wins >= 14  # not a lucky seed: random search wins most draws
    assert ex.best(ex.bayesian_search(rand))[2] < ex.best(rand)[2]


def test_overfitting_and_each_cure(load_example):
    ex = load_example("overfitting")
    results = ex.compare()
    plain_train, plain_val = results.pop("no regularization")
    assert plain_train < 0.3**2 < plain_val + 0.3**2  # fits below the noise level
    for name, (_, val) in results.items():
        assert val < plain_val * 0.75, name
    train_err, val_err, _ = ex.train()
    # training error keeps falling after the best epoch
    assert train_err[-1] < train_err[int(np.argmin(val_err))]


def test_activations_derivatives_and_saturation(load_example):
    ex = load_example("activations")
    assert all(ex.derivative_error(name) < 1e-6 for name in ex.ACTIVATIONS)
    far = ex.slopes_at(10.0)
    assert far["sigmoid"] < 1e-4 and far["tanh"] < 1e-4  # saturated
    assert far["relu"] == 1.0 and far["softplus"] > 0.99
    assert ex.slopes_at(-5.0)["relu"] == 0.0 and ex.slopes_at(-5.0)["leaky_relu"] == ex.LEAK


def test_hand_set_network_computes_xor_and_one_perceptron_cannot(load_example):
    ex = load_example("xor_handset")
    assert [ex.xor_network(x)[2] for x in ex.INPUTS] == [0, 1, 1, 0]
    assert ex.best_single_perceptron(ex.TABLES["OR"]) == 4
    assert ex.best_single_perceptron(ex.TABLES["AND"]) == 4
    assert ex.best_single_perceptron(ex.TABLES["XOR"]) == 3


def test_one_hidden_layer_approximates_a_step_and_a_curve(load_example):
    ex = load_example("universal_approximation")
    errors = [ex.one_unit_step_error(s) for s in (1, 10, 100, 1000)]
    assert errors == sorted(errors, reverse=True) and errors[-1] < 1e-3
    curve = [ex.staircase_network(h)[1] for h in (5, 10, 20, 40, 80)]
    assert curve == sorted(curve, reverse=True) and curve[-1] < 0.05


def test_semantic_search_over_the_course_slides(load_example, monkeypatch):
    ex = load_example("semantic_search")
    monkeypatch.delenv("LECTUREKIT_COURSE", raising=False)
    slides, short = ex.teaching_slides(ex.course_folder())
    # cleaned slides, not raw pages: every seed file is there, each build sequence is one slide
    assert {ref.source for slide in slides for ref in slide.pages} == {
        p.name for p in ex.course_folder().glob("*.txt")
    }
    assert [s.title for s in slides].count("Over-fitting in DNNs") == 1
    [overfitting] = [s for s in slides if s.title == "Over-fitting in DNNs"]
    assert len(overfitting.pages) > 1 and overfitting.kind.value == "content"
    assert {s.kind.value for s in slides} <= {"content", "notes"}  # no admin slides, no exercises
    assert not {"Logistics", "Office Hours", "ICE #1"} & {s.title for s in slides}
    assert (
        len({" ".join(s.text.lower().split()) for s in slides}) == len(slides) == len({s.id for s in slides})
    )
    assert short > 0 and all(len(ex.tokens(s.text)) >= ex.MIN_WORDS for s in slides)
    index = ex.Index([s.text for s in slides])
    # the first query shares no word with "back prop": the embedding, not the spelling, finds the slide
    assert not {"back", "prop", "backprop"} & set(ex.tokens(ex.QUERIES[0]))
    expectations = {ex.QUERIES[0]: "back prop", ex.QUERIES[1]: "over-fitting", ex.QUERIES[2]: "grid search"}
    for query, words in expectations.items():
        top, score = index.search(query, top=1)[0]
        assert words in slides[top].text.lower() and score > 0.3, query
    # embeddings are dense and normalized: k dimensions, unit length
    assert index.embeddings.shape == (len(slides), index.k)
    assert np.allclose(np.linalg.norm(index.embeddings, axis=1), 1.0)


def test_initialization_scale_decides_vanishing_or_saturating(load_example):
    ex = load_example("initialization")
    small, _ = ex.forward_stats(0.5)
    right, right_saturated = ex.forward_stats(1.0)
    large, large_saturated = ex.forward_stats(3.0)
    assert small[-1] < 1e-4 < right[-1]  # too small: the signal vanishes
    assert right[-1] > 0.1 and right_saturated[-1] < 0.01
    assert large_saturated[-1] > 0.2  # too large: tanh units stuck at ±1


def test_local_minima_depend_on_the_start_and_restarts_find_the_best(load_example):
    ex = load_example("local_minima")
    ends = ex.minima_found(np.linspace(-3, 3, 25))
    assert len(ends) >= 3
    assert all(abs(ex.grad_f(w)) < 0.05 for w in ends)  # stationary, up to the rounding to 3 decimals
    assert all(ex.f(w - 0.01) > ex.f(w) < ex.f(w + 0.01) for w in ends)  # and a minimum
    best = ends[0]
    assert ex.f(ex.random_restarts(1)) > ex.f(best) + 1  # one start: a bad minimum
    assert ex.random_restarts(10) == pytest.approx(best, abs=1e-3)


def test_convolution_finds_edges_wherever_they_are_with_few_weights(load_example):
    ex = load_example("cnn_filters")
    assert ex.edges(ex.signal(0)) == [6, 7, 14, 15]
    assert ex.edges(ex.signal(3)) == [e + 3 for e in ex.edges(ex.signal(0))]  # translation equivariance
    assert np.allclose(
        ex.conv1d(ex.signal(), ex.KERNEL), np.convolve(ex.signal(), ex.KERNEL[::-1], mode="valid")
    )
    conv, dense = ex.parameter_counts()
    assert conv == 3 and dense > 100 * conv


def test_rnn_state_carries_the_negation_the_bag_of_words_misses(load_example):
    from topics_support import seed_text

    ex = load_example("rnn_sentiment")
    for sentence, label in ex.SENTENCES.items():
        assert sentence in seed_text("2024-md")  # the slides' own examples
        assert np.sign(ex.rnn(sentence)[0]) == label, sentence
    assert sum(np.sign(ex.bag_of_words(s)) != label for s, label in ex.SENTENCES.items()) == 2
    assert ex.rnn("This car is not bad")[0] > 0 and ex.rnn("I do not like it")[0] < 0
    _, states = ex.rnn("not sure I love it")
    assert [int(h[0]) for h in states[:-1]] == [1, 1, 1, 0, 0]  # remembered until the sentiment word


def test_fine_tuning_pretrained_features_beat_training_from_scratch(load_example):
    ex = load_example("fine_tuning")
    for seed in range(3):
        scratch, fine_tuned = ex.experiment(seed).values()
        assert scratch < 0.75 < 0.9 < fine_tuned, seed


def test_semantic_search_randomized_svd_matches_the_exact_one(load_example):
    ex = load_example("semantic_search")
    rng = np.random.default_rng(3)
    # a slides x words matrix like the course's: a low-rank signal (topics) plus noise
    m = rng.random((300, 12)) @ rng.random((12, 500)) + 0.05 * rng.random((300, 500))
    values, vt = ex.truncated_svd(m, 10)
    _, exact_values, exact_vt = np.linalg.svd(m, full_matrices=False)
    assert np.allclose(values, exact_values[:10], rtol=1e-6)
    # the same subspace: each randomized vector is (up to sign) the exact one
    assert np.allclose(np.abs(np.sum(vt * exact_vt[:10], axis=1)), 1.0, atol=1e-4)
