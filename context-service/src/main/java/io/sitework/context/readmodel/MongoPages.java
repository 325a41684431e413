package io.sitework.context.readmodel;

import io.sitework.support.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The list endpoints' page of a read model, and their text search. */
public final class MongoPages {

    private MongoPages() {
    }

    /** Criteria on the site field: the given sites, or every site when null (an org admin asking for all). */
    public static Criteria onSites(String field, Collection<String> siteIds) {
        return siteIds == null ? new Criteria() : Criteria.where(field).in(siteIds);
    }

    /** One page of the documents matching the criteria, sorted (ties broken by id), with the total count. */
    public static <D, V> Paging.Page<V> page(MongoTemplate mongo, Criteria criteria, Class<D> type, int page, int size, Sort sort,
                                             Function<D, V> view) {
        return page(mongo, criteria, type, mongo.getCollectionName(type), page, size, sort, view);
    }

    /** As {@link #page(MongoTemplate, Criteria, Class, int, int, Sort, Function)}, from the named collection. */
    public static <D, V> Paging.Page<V> page(MongoTemplate mongo, Criteria criteria, Class<D> type, String collection, int page, int size,
                                             Sort sort, Function<D, V> view) {
        Query query = new Query(criteria);
        long total = mongo.count(query, type, collection);
        query.with(PageRequest.of(page, size, sort.and(Sort.by("_id"))));
        List<V> items = mongo.find(query, type, collection).stream().map(view).toList();
        return new Paging.Page<>(items, page, size, total);
    }

    /**
     * Narrows the criteria to a search of what a person types, taken literally (never as a regular expression): a
     * prefix of an upper-case code field, or a part of a name field, in any case.
     */
    public static Criteria codePrefixOrNameContains(Criteria criteria, String codeField, String nameField, String text) {
        return criteria.orOperator(
                Criteria.where(codeField).regex("^" + Pattern.quote(text.toUpperCase(Locale.ROOT))),
                Criteria.where(nameField).regex(Pattern.quote(text), "i"));
    }
}
