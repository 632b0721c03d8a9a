/* Applies the saved colour theme before the page paints (the system setting applies otherwise). */
(function () {
  try {
    var saved = localStorage.getItem("lecturekit:theme");
    if (saved === "dark" || saved === "light") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) { /* storage may be disabled: the system theme applies */ }
})();
