"""Peers for bench/classifier and bench/score, run inside one Python process.

  jieba + scikit-learn MultinomialNB (word counts)
  char 1-3-gram TF-IDF + LinearSVC

usage: classifier_peers.py TRAIN TEST
         train on TRAIN, test on TEST (label<TAB>text files, 1 = ad), print one JSON line per system
         with F1 on the ads, precision, recall, and the seconds spent training and scoring (bench/classifier).
       classifier_peers.py --serve TRAIN
         train every system on TRAIN, print {"ready": [KEY…], "train_s": {KEY: s}}, then answer one
         request a line on stdin, `KEY<TAB>ROWS.jsonl<TAB>OUT`: score ROWS ({"text": …} a line) with
         that system, writing one predicted label a line to OUT, and print {"system", "n", "score_s",
         "cpu_s"}, wall and CPU seconds timed around reading, vectorizing, predicting and writing only (bench/score). The
         models stay trained between requests, so timed runs can be interleaved with other programs.
"""
import itertools
import json
import sys
import time

BATCH = 10_000  # rows vectorized and predicted at a time when scoring a file


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            if label not in ("0", "1"):
                continue
            labels.append(int(label))
            texts.append(text)
    return labels, texts


def systems():
    """(key, name, vectorizer, model) for each peer, untrained."""
    import jieba
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.svm import LinearSVC
    jieba.setLogLevel(60)
    jieba.initialize()
    return [
        ("jieba-nb", "jieba + scikit-learn MultinomialNB",
         CountVectorizer(tokenizer=jieba.lcut, token_pattern=None, lowercase=False), MultinomialNB()),
        ("tfidf-svc", "char 1-3-gram TF-IDF + LinearSVC",
         TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), LinearSVC()),
    ]


def train(vectorizer, model, texts, labels):
    """Fits both in place; returns the seconds it took."""
    t0 = time.perf_counter()
    model.fit(vectorizer.fit_transform(texts), labels)
    return time.perf_counter() - t0


def score_file(vectorizer, model, rows_path, out_path):
    """Scores every row of a JSONL file in batches, one predicted label a line.

    Returns (rows, wall seconds, CPU seconds of the process)."""
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    with open(rows_path, encoding="utf-8", newline="\n") as f, open(out_path, "w", encoding="utf-8") as out:
        while True:
            texts = [json.loads(line)["text"] for line in itertools.islice(f, BATCH)]
            if not texts:
                break
            out.write("".join(f"{label}\n" for label in model.predict(vectorizer.transform(texts))))
            n += len(texts)
    return n, time.perf_counter() - t0, time.process_time() - c0


def report(name, y, predicted, train_s, score_s):
    from sklearn.metrics import f1_score, precision_score, recall_score
    print(json.dumps({
        "system": name, "f1": f1_score(y, predicted), "precision": precision_score(y, predicted),
        "recall": recall_score(y, predicted), "train_s": train_s, "score_s": score_s, "n": len(y),
    }), flush=True)


def evaluate(train_path, test_path):
    y_train, x_train = read(train_path)
    y_test, x_test = read(test_path)
    for _, name, vectorizer, model in systems():
        train_s = train(vectorizer, model, x_train, y_train)
        t0 = time.perf_counter()
        predicted = model.predict(vectorizer.transform(x_test))
        report(name, y_test, predicted, train_s, time.perf_counter() - t0)


def serve(train_path):
    y_train, x_train = read(train_path)
    trained, train_s = {}, {}
    for key, name, vectorizer, model in systems():
        train_s[key] = train(vectorizer, model, x_train, y_train)
        trained[key] = (name, vectorizer, model)
    print(json.dumps({"ready": list(trained), "names": {k: v[0] for k, v in trained.items()},
                      "train_s": train_s}), flush=True)
    for request in sys.stdin:
        key, rows_path, out_path = request.rstrip("\n").split("\t")
        name, vectorizer, model = trained[key]
        n, seconds, cpu = score_file(vectorizer, model, rows_path, out_path)
        print(json.dumps({"system": name, "n": n, "score_s": seconds, "cpu_s": cpu}), flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2])
    elif len(sys.argv) == 3:
        evaluate(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
