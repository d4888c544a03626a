/* Location forms in the admin: a click-to-place map and "Fill from ZIP code".
 *
 * One script for the location page and every location inline, including those
 * added with "Add another": clicks are delegated from the document, and each
 * form's boxes are found inside its own inline (or the page's form).
 */
"use strict";

(function () {
  const CALIFORNIA = [37.2, -119.5];

  function scopeOf(element) {
    return element.closest(".inline-related") || element.closest("form");
  }

  function box(scope, name) {
    return scope.querySelector('[name="' + name + '"], [name$="-' + name + '"]');
  }

  function pointFrom(latitude, longitude) {
    const lat = parseFloat(latitude.value);
    const lng = parseFloat(longitude.value);
    return Number.isFinite(lat) && Number.isFinite(lng) ? L.latLng(lat, lng) : null;
  }

  function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function openMap(picker) {
    const scope = scopeOf(picker);
    const latitude = box(scope, "latitude");
    const longitude = box(scope, "longitude");
    const container = picker.querySelector(".latlng-picker__map");
    for (const hidden of picker.querySelectorAll("[hidden]")) {
      hidden.hidden = false;
    }
    picker.querySelector(".latlng-picker__open").hidden = true;

    const map = L.map(container).setView(CALIFORNIA, 6);
    fetch(picker.dataset.geojson, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((shapes) => {
        L.geoJSON(shapes, {
          interactive: false,
          style: { color: "#555", weight: 1, fillOpacity: 0.04 },
        }).addTo(map);
      });

    let marker = null;
    function place(point, centre) {
      if (marker === null) {
        marker = L.circleMarker(point, { radius: 8, color: "#a40000", weight: 2, fillOpacity: 0.5 });
        marker.addTo(map);
      } else {
        marker.setLatLng(point);
      }
      if (centre) {
        map.setView(point, Math.max(map.getZoom(), 11));
      }
    }

    const start = pointFrom(latitude, longitude);
    if (start) {
      place(start, true);
    }
    map.on("click", (event) => {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      place(event.latlng, false);
    });
    for (const input of [latitude, longitude]) {
      input.addEventListener("change", () => {
        const point = pointFrom(latitude, longitude);
        if (point) {
          place(point, true);
        }
      });
    }
    picker.querySelector(".latlng-picker__tiles").addEventListener("click", (event) => {
      // Only now does the page ask an outside server for anything.
      L.tileLayer(picker.dataset.tiles, {
        attribution: picker.dataset.attribution,
        maxZoom: 19,
      }).addTo(map);
      event.currentTarget.hidden = true;
    });
  }

  async function fillFromZip(button) {
    const scope = scopeOf(button);
    const status = button.nextElementSibling;
    const zip = box(scope, "zip_code").value.trim();
    const response = await fetch(button.dataset.zipLookup + "?code=" + encodeURIComponent(zip), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    const place = await response.json();
    if (!response.ok) {
      status.textContent = place.error;
      return;
    }
    const city = box(scope, "city");
    const county = box(scope, "county");
    const latitude = box(scope, "latitude");
    const longitude = box(scope, "longitude");
    if (!city.value) {
      setValue(city, place.city);
    }
    if (county && !county.value) {
      // The county box is an autocomplete (select2): it shows an option it has.
      county.append(new Option(place.county.name, place.county.id, true, true));
      county.dispatchEvent(new Event("change", { bubbles: true }));
    }
    if (!latitude.value && !longitude.value) {
      setValue(latitude, place.latitude);
      setValue(longitude, place.longitude);
    }
    const countyName = county.selectedOptions.length ? county.selectedOptions[0].text : "";
    const where = place.city + ", " + place.county.name;
    const differs =
      city.value.trim().toLowerCase() !== place.city.toLowerCase() ||
      countyName !== place.county.name;
    const message = differs ? button.dataset.differs : button.dataset.filled;
    status.textContent = message.replace("{zip}", place.zip_code).replace("{place}", where);
  }

  document.addEventListener("click", (event) => {
    const opener = event.target.closest(".latlng-picker__open");
    if (opener) {
      openMap(opener.closest(".latlng-picker"));
      return;
    }
    const zipButton = event.target.closest(".zip-fill");
    if (zipButton) {
      fillFromZip(zipButton);
    }
  });
})();
