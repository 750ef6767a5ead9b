"""Peers for bench/classifier, run inside one Python process: train on TRAIN, test on TEST
(label<TAB>text files, 1 = ad), print one JSON line per system with F1 on the ads, precision, recall,
and the seconds spent training and scoring.

  jieba + scikit-learn MultinomialNB (word counts)
  char 1-3-gram TF-IDF + LinearSVC
"""
import json
import sys
import time


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


def report(name, y, predicted, train_s, score_s):
    from sklearn.metrics import f1_score, precision_score, recall_score
    print(json.dumps({
        "system": name, "f1": f1_score(y, predicted), "precision": precision_score(y, predicted),
        "recall": recall_score(y, predicted), "train_s": train_s, "score_s": score_s, "n": len(y),
    }), flush=True)


def main():
    train_path, test_path = sys.argv[1], sys.argv[2]
    import jieba
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.svm import LinearSVC
    jieba.setLogLevel(60)
    jieba.initialize()
    y_train, x_train = read(train_path)
    y_test, x_test = read(test_path)

    t0 = time.perf_counter()
    words = CountVectorizer(tokenizer=jieba.lcut, token_pattern=None, lowercase=False)
    nb = MultinomialNB().fit(words.fit_transform(x_train), y_train)
    t1 = time.perf_counter()
    predicted = nb.predict(words.transform(x_test))
    t2 = time.perf_counter()
    report("jieba + scikit-learn MultinomialNB", y_test, predicted, t1 - t0, t2 - t1)

    t0 = time.perf_counter()
    chars = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    svm = LinearSVC().fit(chars.fit_transform(x_train), y_train)
    t1 = time.perf_counter()
    predicted = svm.predict(chars.transform(x_test))
    t2 = time.perf_counter()
    report("char 1-3-gram TF-IDF + LinearSVC", y_test, predicted, t1 - t0, t2 - t1)


if __name__ == "__main__":
    main()
